package dev.kinetic.emulator.junit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One HTTP/1.1 request or response of the {@link FaultProxy}, read whole. Not thread-safe. */
final class HttpMessage {
    final String startLine;
    final List<String> headers;
    final byte[] body;

    private HttpMessage(String startLine, List<String> headers, byte[] body) {
        this.startLine = startLine;
        this.headers = headers;
        this.body = body;
    }

    /** Reads a message; null at a clean end of stream before a request starts. */
    static HttpMessage read(InputStream in, boolean isRequest, String requestMethod) throws IOException {
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
        return new HttpMessage(start, headers, body);
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
