package dev.kinetic.emulator.junit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A loopback HTTP/1.1 proxy in front of a local org that breaks chosen responses the way real networks do, for the
 * faults the org's own {@link FaultSpec} rules cannot make (an answer cut part-way, a body rewritten): it cuts
 * a body at a byte offset either close-delimited (no {@code Content-Length}, no chunking, then the connection is
 * closed, so the client sees a short body that looks complete) or as a chunked stream that stops without its last
 * chunk (the client sees an error), rewrites a body (e.g. a JobInfo whose state goes backwards), answers with a
 * status of its own instead of forwarding, or drops the connection. Rules match a method and a path pattern and
 * apply to a chosen occurrence and count. The upstream's base URL in JSON bodies (e.g. a token answer's
 * {@code instance_url}) is replaced by the proxy's, so every later call also goes through it. Thread-safe.
 *
 * <p>Under {@link LocalOrgExtension} the org's proxy is {@link LocalOrgControl#faultProxy()} (its rules are removed
 * when the org is reset) and {@link LocalOrgExtension#clientBuilderThroughProxy()} makes a client that signs in and
 * calls through it:
 *
 * <pre>{@code
 * FaultProxy proxy = ORG.control().faultProxy();
 * proxy.on("GET", "/successfulResults").cutClose(2_000);   // the first result download stops after 2,000 bytes
 * try (SalesforceClient client = ORG.clientBuilderThroughProxy().build()) {
 *     client.bulk().insert("Account", rows);                 // reads the results again, or fails naming the job
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {
    private final URI upstream;
    private final ServerSocket server;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * {@return a proxy started on a free loopback port in front of {@code upstream}} Close it when done.
     *
     * @param upstream the base URI requests are forwarded to, e.g. a local org's {@code baseUri()}
     */
    public static FaultProxy start(URI upstream) {
        try {
            return new FaultProxy(upstream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the proxy's base URI, to use in place of the upstream's} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * Adds a rule for requests with this method whose target (path and query) contains a match of
     * {@code pathRegex}. By default it applies to the first matching request only and lets it through untouched:
     * say what it does with {@link Rule#cutClose(int)}, {@link Rule#rewrite(UnaryOperator)}, {@link Rule#status}…
     *
     * @param method an HTTP method such as {@code GET}, or {@code null} for any
     * @param pathRegex a Java regular expression searched for in the request target
     * @return the rule, to configure
     */
    public Rule on(String method, String pathRegex) {
        Rule r = new Rule(method, Pattern.compile(pathRegex));
        rules.add(r);
        return r;
    }

    /** Removes every rule and forgets the requests seen so far. */
    public void clear() {
        rules.clear();
        log.clear();
    }

    /** {@return every request forwarded or answered so far, as {@code METHOD target}, in order} */
    public List<String> requests() {
        return List.copyOf(log);
    }

    /**
     * {@return how many requests so far had this method and a target containing a match of the pattern}
     *
     * @param method an HTTP method such as {@code POST}
     * @param pathRegex a Java regular expression searched for in the request target
     */
    public long count(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return log.stream().filter(l -> l.startsWith(method + " ") && p.matcher(l.substring(method.length() + 1))
                .find()).count();
    }

    /** Stops accepting connections and closes the open ones; requests in flight fail. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    /** What a rule does to the response of a request it matches. Configure it before the requests it is for. */
    public static final class Rule {
        private final String method;
        private final Pattern path;
        private int skip;
        private int times = 1;
        private int seen;
        private int applied;
        private Effect effect = Effect.NONE;
        private int offset;
        private int status;
        private String retryAfter;
        private UnaryOperator<String> rewrite = UnaryOperator.identity();

        private Rule(String method, Pattern path) {
            this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
            this.path = path;
        }

        /**
         * Applies from the {@code n}-th matching request; earlier ones pass untouched. Rules are tried in the order
         * they were added and the first that acts wins, so a rule counts only the matching requests that earlier
         * rules let through.
         *
         * @param n 1 for the first matching request
         * @return this rule
         */
        public Rule occurrence(int n) {
            this.skip = n - 1;
            return this;
        }

        /**
         * Applies to this many matching requests (default 1).
         *
         * @param n how many; {@link Integer#MAX_VALUE} for all of them
         * @return this rule
         */
        public Rule times(int n) {
            this.times = n;
            return this;
        }

        /**
         * Sends the first bytes of the body without a length or chunking, then closes the connection: the client
         * sees a short body that looks complete.
         *
         * @param bytes how many bytes of the body are sent
         * @return this rule
         */
        public Rule cutClose(int bytes) {
            effect = Effect.CUT_CLOSE;
            offset = bytes;
            return this;
        }

        /**
         * Sends the first bytes of the body as a chunked stream that ends without its last chunk: the client sees
         * an error.
         *
         * @param bytes how many bytes of the body are sent
         * @return this rule
         */
        public Rule cutChunked(int bytes) {
            effect = Effect.CUT_CHUNKED;
            offset = bytes;
            return this;
        }

        /**
         * Replaces the body before it is sent on.
         *
         * @param change given the body as UTF-8 text, returns the body to send
         * @return this rule
         */
        public Rule rewrite(UnaryOperator<String> change) {
            effect = Effect.REWRITE;
            rewrite = change;
            return this;
        }

        /**
         * Answers with this status and a Salesforce error body without forwarding the request.
         *
         * @param code an HTTP status such as 503
         * @param retryAfterValue the {@code Retry-After} header's value, or {@code null} for none
         * @return this rule
         */
        public Rule status(int code, String retryAfterValue) {
            effect = Effect.STATUS;
            status = code;
            retryAfter = retryAfterValue;
            return this;
        }

        /**
         * Closes the connection without forwarding the request or answering.
         *
         * @return this rule
         */
        public Rule drop() {
            effect = Effect.DROP;
            return this;
        }

        /** {@return how many times the rule has acted} */
        public synchronized int applied() {
            return applied;
        }

        private synchronized boolean take(String m, String target) {
            if ((method != null && !method.equals(m)) || !path.matcher(target).find()) {
                return false;
            }
            seen++;
            if (seen <= skip || applied >= times) {
                return false;
            }
            applied++;
            return true;
        }
    }

    private enum Effect { NONE, CUT_CLOSE, CUT_CHUNKED, REWRITE, STATUS, DROP }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (!closed) {
                HttpMessage request = HttpMessage.read(in, true, null);
                if (request == null) {
                    return;
                }
                String[] parts = request.startLine.split(" ", 3);
                String target = parts.length > 1 ? parts[1] : "";
                log.add(parts[0] + " " + target);
                Rule rule = rules.stream().filter(r -> r.take(parts[0], target)).findFirst().orElse(null);
                Effect effect = rule == null ? Effect.NONE : rule.effect;
                if (effect == Effect.DROP) {
                    return;
                }
                if (effect == Effect.STATUS) {
                    byte[] body = ("[{\"errorCode\":\"SERVER_UNAVAILABLE\",\"message\":\"injected by the test proxy\"}]")
                            .getBytes(StandardCharsets.UTF_8);
                    List<String> headers = new ArrayList<>(List.of("Content-Type: application/json"));
                    if (rule.retryAfter != null) {
                        headers.add("Retry-After: " + rule.retryAfter);
                    }
                    writeWhole(out, "HTTP/1.1 " + rule.status + " Injected", headers, body);
                    continue;
                }
                HttpMessage response = forward(request, parts[0]);
                byte[] body = response.body;
                if (isJson(response)) {
                    body = new String(body, StandardCharsets.UTF_8).replace(upstream.toString(), uri().toString())
                            .getBytes(StandardCharsets.UTF_8);
                }
                if (effect == Effect.REWRITE) {
                    body = rule.rewrite.apply(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                List<String> headers = response.headersWithout("content-length", "transfer-encoding", "connection");
                if (effect == Effect.CUT_CLOSE) {
                    headers.add("Connection: close");
                    writeHead(out, response.startLine, headers);
                    out.write(body, 0, Math.min(rule.offset, body.length));
                    out.flush();
                    return;
                }
                if (effect == Effect.CUT_CHUNKED) {
                    headers.add("Transfer-Encoding: chunked");
                    writeHead(out, response.startLine, headers);
                    int n = Math.min(rule.offset, body.length);
                    if (n > 0) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, 0, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                    return;
                }
                writeWhole(out, response.startLine, headers, body);
            }
        } catch (IOException e) {
            // the client went away, or the proxy closed
        } finally {
            open.remove(client);
        }
    }

    private HttpMessage forward(HttpMessage request, String method) throws IOException {
        try (Socket up = new Socket()) {
            up.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()));
            OutputStream out = up.getOutputStream();
            // An HTTP/1.1 proxy: the JDK client's h2c upgrade offer is not passed on.
            List<String> headers = request.headersWithout("content-length", "transfer-encoding", "connection",
                    "expect", "upgrade", "http2-settings");
            headers.add("Connection: close");
            writeWhole(out, request.startLine, headers, request.body);
            return HttpMessage.read(new BufferedInputStream(up.getInputStream()), false, method);
        }
    }

    private static boolean isJson(HttpMessage m) {
        return m.headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("content-type:")
                && h.toLowerCase(Locale.ROOT).contains("json"));
    }

    private static void writeHead(OutputStream out, String startLine, List<String> headers) throws IOException {
        StringBuilder head = new StringBuilder(startLine).append("\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void writeWhole(OutputStream out, String startLine, List<String> headers, byte[] body)
            throws IOException {
        List<String> all = new ArrayList<>(headers);
        all.add("Content-Length: " + body.length);
        writeHead(out, startLine, all);
        out.write(body);
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
