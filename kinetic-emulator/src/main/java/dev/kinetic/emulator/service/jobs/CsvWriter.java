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
    private byte[] buf;
    private int len;
    private long flushed;

    CsvWriter(CsvDialect dialect) {
        this(dialect, 1 << 16);
    }

    /** A writer whose buffer starts at {@code capacity} bytes (it grows when rows need more). */
    CsvWriter(CsvDialect dialect, int capacity) {
        this.delimiter = (byte) dialect.delimiter().character();
        this.lineEnding = dialect.lineEnding().text().getBytes(StandardCharsets.US_ASCII);
        this.buf = new byte[Math.max(64, capacity)];
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

    /** The buffered bytes, as a new array of exactly their length; empties the buffer. */
    byte[] drain() {
        byte[] out = Arrays.copyOf(buf, len);
        flushed += len;
        len = 0;
        return out;
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

    // Text without quotes or non-ASCII characters (ids, numbers, most values) is copied char by char into the buffer:
    // no byte array per value, which at a million rows is most of a result file's garbage. Other text takes the
    // UTF-8 route with quotes doubled.
    private void quoted(String value) {
        int n = value.length();
        ensure(n + 2);
        int start = len;
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == '"') {
                len = start;
                quotedSlow(value);
                return;
            }
            buf[len++] = (byte) c;
        }
        buf[len++] = '"';
    }

    private void quotedSlow(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length * 2 + 2);
        buf[len++] = '"';
        for (byte b : bytes) {
            if (b == '"') {
                buf[len++] = '"';
            }
            buf[len++] = b;
        }
        buf[len++] = '"';
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
