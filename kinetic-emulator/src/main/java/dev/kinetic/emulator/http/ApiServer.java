package dev.kinetic.emulator.http;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local org's HTTP server on Jetty 12: matches the route table, checks bearer tokens on authenticated routes,
 * inflates gzip request bodies and compresses responses for clients that accept gzip, and renders
 * {@link ApiException}s as Salesforce error arrays. Thread-safe.
 */
public final class ApiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

    private final Server server;
    private final ServerConnector connector;

    /**
     * Creates a server (not yet started).
     *
     * @param host the address to bind, e.g. {@code 127.0.0.1}
     * @param port the port, 0 for any free port
     * @param routes the route table
     * @param tokens checks access tokens on authenticated routes
     */
    public ApiServer(String host, int port, Routes routes, TokenVerifier tokens) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("local-org-http");
        threads.setVirtualThreadsExecutor(null);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(0);
        gzip.setInflateBufferSize(64 * 1024);
        gzip.addIncludedMethods("GET", "POST", "PUT", "PATCH", "DELETE");
        gzip.setHandler(new Dispatcher(Objects.requireNonNull(routes, "routes == null"),
                Objects.requireNonNull(tokens, "tokens == null")));
        server.setHandler(gzip);
    }

    /** Starts listening. */
    public void start() throws Exception {
        server.start();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class Dispatcher extends Handler.Abstract {
        private final Routes routes;
        private final TokenVerifier tokens;

        Dispatcher(Routes routes, TokenVerifier tokens) {
            super(InvocationType.BLOCKING);
            this.routes = routes;
            this.tokens = tokens;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Routes.Match match = routes.match(request.getMethod(), request.getHttpURI().getDecodedPath());
            ApiExchange exchange = new ApiExchange(request, response,
                    match instanceof Routes.Found f ? f.params() : java.util.Map.of());
            try {
                if (match instanceof Routes.Found found) {
                    if (found.authenticated()) {
                        Optional<ApiSession> session = authenticate(exchange);
                        if (session.isEmpty()) {
                            callback.succeeded();
                            return true;
                        }
                        exchange.session(session.get());
                    }
                    found.handler().handle(exchange);
                } else if (match instanceof Routes.WrongMethod wrong) {
                    exchange.error(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + request.getMethod()
                            + "' not allowed. Allowed are " + String.join(",", wrong.allowed()));
                } else {
                    throw ApiException.notFound();
                }
            } catch (ApiException e) {
                if (!exchange.committed()) {
                    exchange.error(e.status(), e.errorCode(), e.getMessage());
                }
            } catch (Exception | Error e) {
                LOG.log(System.Logger.Level.ERROR, "Request failed: " + request.getMethod() + " "
                        + request.getHttpURI().getDecodedPath(), e);
                if (!exchange.committed()) {
                    exchange.error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred in the local org: "
                            + e.getClass().getSimpleName());
                }
            }
            callback.succeeded();
            return true;
        }

        private Optional<ApiSession> authenticate(ApiExchange exchange) {
            Optional<String> header = exchange.header("Authorization");
            String value = header.orElse("").trim();
            String lower = value.toLowerCase(Locale.ROOT);
            String token = lower.startsWith("bearer ") ? value.substring(7).trim()
                    : lower.startsWith("oauth ") ? value.substring(6).trim() : null;
            if (token == null || token.isEmpty()) {
                exchange.error(401, "INVALID_AUTH_HEADER", "INVALID_HEADER_TYPE");
                return Optional.empty();
            }
            Optional<ApiSession> session = tokens.verify(token);
            if (session.isEmpty()) {
                exchange.error(401, "INVALID_SESSION_ID", "Session expired or invalid");
            }
            return session;
        }
    }
}
