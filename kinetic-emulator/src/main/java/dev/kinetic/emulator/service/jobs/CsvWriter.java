package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.state.CsvDialect;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes result CSV as Salesforce does: in the job's delimiter and line ending, every value double-quoted with inner
 * quotes doubled. Rows collect in an in-memory buffer that the caller flushes to a file or stream; it counts the
 * bytes written so far (for the query result index). Not thread-safe.
 */
final class CsvWriter {
    private final byte delimiter;
    private final byte[] lineEnding;
    private byte[] buf = new byte[1 << 16];
    private int len;
    private long flushed;

    CsvWriter(CsvDialect dialect) {
        this.delimiter = (byte) dialect.delimiter().character();
        this.lineEnding = dialect.lineEnding().text().getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes a header: the given quoted names first, then the uploaded names, quoted only when they must be. */
    CsvWriter header(List<String> quotedNames, List<String> names) {
        boolean first = true;
        for (String q : quotedNames) {
            if (!first) {
                put(delimiter);
            }
            quoted(q);
            first = false;
        }
        for (String name : names) {
            if (!first) {
                put(delimiter);
            }
            if (needsQuotes(name)) {
                quoted(name);
            } else {
                put(name.getBytes(StandardCharsets.UTF_8));
            }
            first = false;
        }
        return endRow();
    }

    /** Writes one quoted value, preceded by a delimiter unless it starts the row. */
    CsvWriter value(String value, boolean first) {
        if (!first) {
            put(delimiter);
        }
        quoted(value == null ? "" : value);
        return this;
    }

    /** Writes a whole row of quoted values. */
    CsvWriter row(String[] values) {
        for (int i = 0; i < values.length; i++) {
            value(values[i], i == 0);
        }
        return endRow();
    }

    /** Ends the current row. */
    CsvWriter endRow() {
        put(lineEnding);
        return this;
    }

    /** Bytes written so far, flushed or not. */
    long position() {
        return flushed + len;
    }

    /** Bytes waiting in the buffer. */
    int buffered() {
        return len;
    }

    /** Sends the buffered bytes to {@code out} and empties the buffer. */
    void flushTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
        flushed += len;
        len = 0;
    }

    private boolean needsQuotes(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == delimiter || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    // String.getBytes has a vectorised path for text without non-ASCII characters, far faster than a char loop.
    private void quoted(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        ensure(n + 2);
        buf[len++] = '"';
        if (indexOfQuote(bytes) < 0) {
            System.arraycopy(bytes, 0, buf, len, n);
            len += n;
        } else {
            for (byte b : bytes) {
                if (b == '"') {
                    put((byte) '"');
                }
                put(b);
            }
        }
        buf[len++] = '"';
    }

    private static int indexOfQuote(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
