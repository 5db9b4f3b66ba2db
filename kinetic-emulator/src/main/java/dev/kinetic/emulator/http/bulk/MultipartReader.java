package dev.kinetic.emulator.http.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code multipart/form-data} body part by part without holding it in memory: each part's headers, then its
 * content as a stream that ends at the next boundary. Not thread-safe.
 */
final class MultipartReader {
    private final PushbackInputStream in;
    private final byte[] delimiter;
    private boolean finished;

    /** A part: its form field name and its content stream (valid until the next call to {@link #next()}). */
    record Part(String name, InputStream content) {
    }

    MultipartReader(InputStream body, String boundary) {
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.in = new PushbackInputStream(body, delimiter.length + 4);
    }

    /** The boundary of a multipart Content-Type, if it has one. */
    static Optional<String> boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring(9).trim();
                if (b.length() > 1 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() ? Optional.empty() : Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The next part, or empty after the closing boundary. */
    Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        if (current == null) {
            // The body starts with "--boundary" (no leading CRLF); treat it as if a CRLF came first.
            in.unread(new byte[] {'\r', '\n'});
        } else {
            current.skipRest();
        }
        if (!skipToDelimiter()) {
            finished = true;
            return Optional.empty();
        }
        int a = in.read();
        int b = in.read();
        if (a == '-' && b == '-') {
            finished = true;
            return Optional.empty();
        }
        String name = null;
        String line;
        while (!(line = readLine()).isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                int i = lower.indexOf("name=\"");
                if (i >= 0) {
                    int end = line.indexOf('"', i + 6);
                    name = line.substring(i + 6, end < 0 ? line.length() : end);
                }
            }
        }
        current = new PartStream();
        return Optional.of(new Part(name == null ? "" : name, current));
    }

    private PartStream current;

    private boolean skipToDelimiter() throws IOException {
        int matched = 0;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == (delimiter[matched] & 0xFF)) {
                if (++matched == delimiter.length) {
                    return true;
                }
            } else {
                matched = c == (delimiter[0] & 0xFF) ? 1 : 0;
            }
        }
        return false;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    // A part's content: bytes up to (not including) the next "\r\n--boundary", which is pushed back.
    private final class PartStream extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int c = in.read();
            if (c < 0) {
                ended = true;
                return -1;
            }
            if (c != (delimiter[0] & 0xFF)) {
                return c;
            }
            byte[] look = new byte[delimiter.length];
            look[0] = (byte) c;
            int n = 1;
            while (n < delimiter.length) {
                int d = in.read();
                if (d < 0) {
                    break;
                }
                look[n++] = (byte) d;
                if (look[n - 1] != delimiter[n - 1]) {
                    break;
                }
            }
            if (n == delimiter.length && look[n - 1] == delimiter[n - 1]) {
                in.unread(look, 0, n);
                ended = true;
                return -1;
            }
            in.unread(look, 1, n - 1);
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int i = 0;
            while (i < len) {
                int c = read();
                if (c < 0) {
                    return i == 0 ? -1 : i;
                }
                b[off + i++] = (byte) c;
            }
            return i;
        }

        void skipRest() throws IOException {
            while (read() >= 0) {
                // Discard.
            }
        }
    }
}
