package dev.kinetic.core.internal.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the UTF-8 CSV rows of a chunk as bytes and hashes the compared values of each exactly as
 * {@link RowMatcher#hash} hashes them from strings, for building the input index in one cheap pass: a value that
 * {@link EchoNormalizer} would return unchanged (plain ASCII text, a plain whole number) is hashed from its bytes
 * without becoming a {@code String}; any other value is decoded and normalised as the string path does. Parses as
 * {@link dev.kinetic.core.internal.csv.CsvRows} does (the same rules: CR, LF and CRLF end a row, empty lines are
 * skipped, {@code ""} inside quotes is a quote, a quote inside an unquoted value is text, and text after a closing
 * quote is an error); {@code InputRowHashesTest} checks that against it. Not thread-safe; close it.
 */
final class InputRowHashes implements AutoCloseable {
    private static final int EOF = -1;

    private final InputStream in;
    private final int delimiter;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] row = new byte[1024];
    private int rowLength;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] ascii = new boolean[16];
    private int fields;

    /** Reads {@code in} (closed by {@link #close()}), whose values are separated by {@code delimiter}. */
    InputRowHashes(InputStream in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /**
     * Reads the next row.
     *
     * @return false at the end of the input
     * @throws UncheckedIOException if the stream fails or a quoted value is never closed
     */
    boolean next() {
        int c = read();
        while (c == '\n' || c == '\r') { // empty lines
            c = read();
        }
        if (c == EOF) {
            return false;
        }
        fields = 0;
        rowLength = 0;
        while (true) {
            c = field(c);
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            return true;
        }
    }

    /** The hash of the row's values in {@code cols} (a missing value counts as empty), as RowMatcher's. */
    long hash(int[] cols) {
        long h = RowMatcher.FNV_OFFSET;
        for (int c : cols) {
            h = c < fields ? hashValue(h, c) : h;
            h = (h ^ 1) * RowMatcher.FNV_PRIME;
        }
        return RowMatcher.mix(h);
    }

    /** The row's value in column {@code col}, or "" if the row is shorter. */
    String value(int col) {
        return col < fields ? new String(row, starts[col], ends[col] - starts[col], StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one value starting with {@code c}; returns what ended it (delimiter, CR, LF or EOF). */
    private int field(int c) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            ascii = Arrays.copyOf(ascii, fields * 2);
        }
        int start = rowLength;
        boolean plain = true;
        if (c == '"') {
            while (true) {
                c = read();
                if (c == EOF) {
                    throw new UncheckedIOException(new IOException("Malformed CSV: a quoted value is not closed"));
                }
                if (c == '"') {
                    if (peek() != '"') {
                        c = read();
                        if (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
                            throw new UncheckedIOException(new IOException(
                                    "Malformed CSV: a character after a closing quote (code " + c + ")"));
                        }
                        break;
                    }
                    read();
                }
                plain &= c < 0x80;
                append(c);
            }
        }
        while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
            plain &= c < 0x80;
            append(c);
            c = read();
        }
        starts[fields] = start;
        ends[fields] = rowLength;
        ascii[fields] = plain;
        fields++;
        return c;
    }

    private long hashValue(long h, int col) {
        int s = starts[col];
        int e = ends[col];
        if (ascii[col] && unchangedByNormalizer(s, e)) {
            for (int i = s; i < e; i++) {
                h ^= row[i];
                h *= RowMatcher.FNV_PRIME;
            }
            return h;
        }
        return RowMatcher.fnv(h, EchoNormalizer.normalize(new String(row, s, e - s, StandardCharsets.UTF_8)));
    }

    /** Whether EchoNormalizer returns this ASCII value as it is (when unsure: false, and the string path decides). */
    private boolean unchangedByNormalizer(int s, int e) {
        int n = e - s;
        if (n == 0) {
            return true;
        }
        byte first = row[s];
        if (first <= ' ' || row[e - 1] <= ' ') {
            return false; // blanks to strip, or control characters
        }
        if (first >= '0' && first <= '9') {
            if (n > 15 || (first == '0' && n > 1)) {
                return false;
            }
            for (int i = s + 1; i < e; i++) {
                if (row[i] < '0' || row[i] > '9') {
                    return false;
                }
            }
            return true; // a plain whole number without leading zeros
        }
        return n > 5 && first != '-' && first != '+' && first != '.' && first != '#';
    }

    private void append(int b) {
        if (rowLength == row.length) {
            row = Arrays.copyOf(row, rowLength * 2);
        }
        row[rowLength++] = (byte) b;
    }

    private int read() {
        if (pos == limit && !fill()) {
            return EOF;
        }
        return buffer[pos++] & 0xff;
    }

    private int peek() {
        if (pos == limit && !fill()) {
            return EOF;
        }
        return buffer[pos] & 0xff;
    }

    private boolean fill() {
        try {
            int n = in.read(buffer);
            while (n == 0) {
                n = in.read(buffer);
            }
            pos = 0;
            limit = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
