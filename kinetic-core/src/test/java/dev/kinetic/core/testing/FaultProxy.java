package dev.kinetic.core.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
 * A loopback HTTP/1.1 proxy in front of a local org that breaks chosen responses the way real networks do: it cuts
 * a body at a byte offset either close-delimited (no {@code Content-Length}, no chunking, then the connection is
 * closed, so the client sees a short body that looks complete) or as a chunked stream that stops without its last
 * chunk (the client sees an error), rewrites a body (e.g. a JobInfo whose state goes backwards), answers with a
 * status of its own instead of forwarding, or drops the connection. Rules match a method and a path pattern and
 * apply to a chosen occurrence and count. The upstream's base URL in JSON bodies (e.g. a token answer's
 * {@code instance_url}) is replaced by the proxy's, so every later call also goes through it. Thread-safe.
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

    /** Starts a proxy on a free loopback port in front of {@code upstream} (e.g. a local org's base URI). */
    public static FaultProxy start(URI upstream) {
        try {
            return new FaultProxy(upstream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proxy's base URI, to use in place of the upstream's. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * Adds a rule for requests with this method (null for any) whose target (path and query) contains a match of
     * {@code pathRegex}. By default it applies to the first matching request only.
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

    /** Every request forwarded or answered so far, as {@code METHOD target}, in order. */
    public List<String> requests() {
        return List.copyOf(log);
    }

    /** How many requests so far had this method and a target matching the pattern. */
    public long count(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return log.stream().filter(l -> l.startsWith(method + " ") && p.matcher(l.substring(method.length() + 1))
                .find()).count();
    }

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

    /** What a rule does to the response of a request it matches. */
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

        /** Applies from the {@code n}-th matching request (1-based); earlier ones pass untouched. */
        public Rule occurrence(int n) {
            this.skip = n - 1;
            return this;
        }

        /** Applies to this many matching requests (default 1); {@link Integer#MAX_VALUE} for all of them. */
        public Rule times(int n) {
            this.times = n;
            return this;
        }

        /** Sends the first {@code bytes} bytes of the body without a length or chunking, then closes. */
        public Rule cutClose(int bytes) {
            effect = Effect.CUT_CLOSE;
            offset = bytes;
            return this;
        }

        /** Sends the first {@code bytes} bytes of the body as a chunked stream that ends without its last chunk. */
        public Rule cutChunked(int bytes) {
            effect = Effect.CUT_CHUNKED;
            offset = bytes;
            return this;
        }

        /** Replaces the body (as UTF-8 text) before it is sent on. */
        public Rule rewrite(UnaryOperator<String> change) {
            effect = Effect.REWRITE;
            rewrite = change;
            return this;
        }

        /** Answers with this status (and {@code Retry-After} if not null) without forwarding the request. */
        public Rule status(int code, String retryAfterValue) {
            effect = Effect.STATUS;
            status = code;
            retryAfter = retryAfterValue;
            return this;
        }

        /** Closes the connection without forwarding the request or answering. */
        public Rule drop() {
            effect = Effect.DROP;
            return this;
        }

        /** How many times the rule has acted. */
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
                Message request = Message.read(in, true, null);
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
                Message response = forward(request, parts[0]);
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

    private Message forward(Message request, String method) throws IOException {
        try (Socket up = new Socket()) {
            up.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()));
            OutputStream out = up.getOutputStream();
            // An HTTP/1.1 proxy: the JDK client's h2c upgrade offer is not passed on.
            List<String> headers = request.headersWithout("content-length", "transfer-encoding", "connection",
                    "expect", "upgrade", "http2-settings");
            headers.add("Connection: close");
            writeWhole(out, request.startLine, headers, request.body);
            return Message.read(new BufferedInputStream(up.getInputStream()), false, method);
        }
    }

    private static boolean isJson(Message m) {
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

    /** One HTTP/1.1 request or response, read whole. */
    private static final class Message {
        final String startLine;
        final List<String> headers;
        final byte[] body;

        private Message(String startLine, List<String> headers, byte[] body) {
            this.startLine = startLine;
            this.headers = headers;
            this.body = body;
        }

        /** Reads a message; null at a clean end of stream before a request starts. */
        static Message read(InputStream in, boolean isRequest, String requestMethod) throws IOException {
            String start = line(in);
            if (start == null || start.isEmpty()) {
                return null;
            }
            List<String> headers = new ArrayList<>();
            String h;
            while ((h = line(in)) != null && !h.isEmpty()) {
                headers.add(h);
            }
            String length = header(headers, "content-length");
            String encoding = header(headers, "transfer-encoding");
            byte[] body;
            if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = dechunk(in);
            } else if (length != null) {
                body = in.readNBytes(Integer.parseInt(length.strip()));
            } else if (isRequest || "HEAD".equals(requestMethod) || start.contains(" 204 ")
                    || start.contains(" 304 ")) {
                body = new byte[0];
            } else {
                body = in.readAllBytes();
            }
            return new Message(start, headers, body);
        }

        List<String> headersWithout(String... names) {
            List<String> kept = new ArrayList<>();
            for (String h : headers) {
                String name = h.substring(0, Math.max(0, h.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
                if (!List.of(names).contains(name)) {
                    kept.add(h);
                }
            }
            return kept;
        }

        private static String header(List<String> headers, String name) {
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return h.substring(colon + 1).strip();
                }
            }
            return null;
        }

        private static byte[] dechunk(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) {
                    return body.toByteArray();
                }
                int n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
                if (n == 0) {
                    while (true) { // trailers
                        String t = line(in);
                        if (t == null || t.isEmpty()) {
                            return body.toByteArray();
                        }
                    }
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    byte[] bytes = b.toByteArray();
                    int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
