package dev.kinetic.emulator.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local org's HTTP server on Jetty 12: matches the route table, checks bearer tokens on authenticated routes,
 * inflates gzip request bodies and compresses responses for clients that accept gzip, and renders
 * {@link ApiException}s as Salesforce error arrays. It also injects the control plane's faults (latency, an error
 * status, a dropped connection, before or after the real handler) and sends {@code Sforce-Limit-Info} on versioned
 * REST calls. Thread-safe.
 */
public final class ApiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());
    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private final Server server;
    private final ServerConnector connector;

    /**
     * Creates a server (not yet started) without fault injection.
     *
     * @param host the address to bind, e.g. {@code 127.0.0.1}
     * @param port the port, 0 for any free port
     * @param routes the route table
     * @param tokens checks access tokens on authenticated routes
     */
    public ApiServer(String host, int port, Routes routes, TokenVerifier tokens) {
        this(host, port, routes, tokens, FaultInjector.NONE, new ApiUsage());
    }

    /**
     * Creates a server (not yet started).
     *
     * @param host the address to bind, e.g. {@code 127.0.0.1}
     * @param port the port, 0 for any free port
     * @param routes the route table
     * @param tokens checks access tokens on authenticated routes
     * @param faults decides which requests get an injected fault
     * @param usage counts API requests for the {@code Sforce-Limit-Info} header
     */
    public ApiServer(String host, int port, Routes routes, TokenVerifier tokens, FaultInjector faults,
                     ApiUsage usage) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("local-org-http");
        threads.setVirtualThreadsExecutor(null);
        this.server = new Server(threads);
        this.connector = ConnectorSettings.connector(server, host, port);
        server.addConnector(connector);
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(0);
        gzip.setInflateBufferSize(64 * 1024);
        gzip.addIncludedMethods("GET", "POST", "PUT", "PATCH", "DELETE");
        gzip.setHandler(new Dispatcher(Objects.requireNonNull(routes, "routes == null"),
                Objects.requireNonNull(tokens, "tokens == null"), Objects.requireNonNull(faults, "faults == null"),
                Objects.requireNonNull(usage, "usage == null")));
        // A stop lets requests in flight finish (up to the stop timeout) instead of interrupting their threads,
        // which may be inside the database; new requests get 503 meanwhile.
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(gzip);
        server.setHandler(graceful);
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
    }

    /** Starts listening. */
    public void start() throws Exception {
        server.start();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops listening, after the requests in flight have been answered (up to 30 seconds). */
    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class Dispatcher extends Handler.Abstract {
        private static final Pattern VERSIONED = Pattern.compile("(?i)/services/data/v\\d+\\.\\d(/.*)?");

        private final Routes routes;
        private final TokenVerifier tokens;
        private final FaultInjector faults;
        private final ApiUsage usage;

        Dispatcher(Routes routes, TokenVerifier tokens, FaultInjector faults, ApiUsage usage) {
            super(InvocationType.BLOCKING);
            this.routes = routes;
            this.tokens = tokens;
            this.faults = faults;
            this.usage = usage;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Optional<InjectedFault> fault = faults.match(request.getMethod(), ApiExchange.canonicalPath(request));
            if (fault.isEmpty()) {
                serve(request, response);
                callback.succeeded();
                return true;
            }
            InjectedFault f = fault.get();
            if (f.latencyMillis() > 0) {
                pause(f.latencyMillis());
            }
            boolean replacesAnswer = f.drop() || f.status() > 0;
            if (f.after() && replacesAnswer) {
                // The real handler runs, but its answer never reaches the client.
                serve(request, new Response.Wrapper(request, response) {
                    @Override
                    public void write(boolean last, ByteBuffer content, Callback cb) {
                        cb.succeeded();
                    }
                });
            }
            if (f.drop()) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(new IOException("connection dropped by an injected fault"));
                return true;
            }
            if (f.status() > 0) {
                response.reset();
                ApiExchange exchange = new ApiExchange(request, response, java.util.Map.of());
                f.retryAfterSeconds().ifPresent(s -> exchange.responseHeader("Retry-After", String.valueOf(s)));
                exchange.error(f.status(), f.errorCode(), f.message());
            } else {
                serve(request, response);
            }
            callback.succeeded();
            return true;
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis); // injected latency, by design
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void serve(Request request, Response response) {
            String path = ApiExchange.canonicalPath(request);
            if (VERSIONED.matcher(path).matches()) {
                response.getHeaders().put("Sforce-Limit-Info", usage.headerValue(usage.count()));
            }
            Routes.Match match = routes.match(request.getMethod(), path);
            ApiExchange exchange = new ApiExchange(request, response,
                    match instanceof Routes.Found f ? f.params() : java.util.Map.of());
            try {
                if (match instanceof Routes.Found found) {
                    if (found.authenticated()) {
                        Optional<ApiSession> session = authenticate(exchange);
                        if (session.isEmpty()) {
                            return;
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
                if (e instanceof UncheckedIOException u && u.getCause() instanceof EofException) {
                    // The client went away (or the server is stopping) while the answer was being written.
                    LOG.log(System.Logger.Level.DEBUG, "Connection lost answering " + request.getMethod() + " "
                            + path, e);
                    return;
                }
                LOG.log(System.Logger.Level.ERROR, "Request failed: " + request.getMethod() + " " + path, e);
                if (!exchange.committed()) {
                    exchange.error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred in the local org: "
                            + e.getClass().getSimpleName());
                }
            }
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
