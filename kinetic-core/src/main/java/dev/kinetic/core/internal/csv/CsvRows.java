package dev.kinetic.core.internal.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the rows of UTF-8 CSV as lists of strings; the first row is the header. The rules are RFC 4180's, read
 * leniently where Salesforce's files and users' files need it: CR, LF and CRLF end a row outside quotes and are text
 * inside them; {@code ""} inside quotes is a quote; a quote inside an unquoted value is text; text after a closing
 * quote and a quoted value that is never closed are errors; empty lines are skipped; a UTF-8 byte order mark before
 * the first row is skipped; rows may have more or fewer values than the header. Tolerates an empty body (no header,
 * no rows) and NUL characters.
 *
 * <p>FastCSV (up to 4.2.0, the newest served here) is not used for this: in a file whose rows end with LF, a quoted
 * value with a bare CR in it ({@code "x\ry"}) makes it merge that row with the next one, silently when the field
 * counts are not checked. Salesforce's result files end rows with LF and quote every value, so a record whose text
 * holds a bare CR would have been misread. Not thread-safe; close it.
 */
public final class CsvRows implements AutoCloseable {
    private static final int EOF = -1;
    private static final int MAX_ROW_CHARS = 64 * 1024 * 1024;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder value = new StringBuilder();
    private int pos;
    private int limit;
    private boolean started;
    private long rowChars;

    /** Reads UTF-8 CSV with the delimiter from the stream. */
    public CsvRows(InputStream in, char delimiter) {
        this(new InputStreamReader(in, StandardCharsets.UTF_8), delimiter);
    }

    /** Reads CSV with the delimiter from characters already decoded (a file in another charset, say). */
    public CsvRows(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /**
     * The next row, or {@code null} at the end.
     *
     * @throws UncheckedIOException if the stream fails or the CSV is malformed (for a body read off the network, a
     *     sign that it broke off): a quoted value never closed, text after a closing quote, a row over 64 MB
     */
    public List<String> next() {
        try {
            if (!started) {
                started = true;
                if (peek() == '\uFEFF') {
                    read();
                }
            }
            int c = read();
            while (c == '\n' || c == '\r') { // empty lines
                c = read();
            }
            if (c == EOF) {
                return null;
            }
            List<String> row = new ArrayList<>();
            rowChars = 0;
            while (true) {
                c = field(c, row);
                if (c == delimiter) {
                    c = read();
                    continue;
                }
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                return row;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the reader and its stream. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Reads one value that starts with c into the row; returns what ended it (the delimiter, CR, LF or EOF).
    private int field(int first, List<String> row) throws IOException {
        value.setLength(0);
        int c = first;
        if (c == '"') {
            while (true) {
                int start = pos;
                while (pos < limit && buffer[pos] != '"') {
                    pos++;
                }
                append(start, pos);
                if (pos == limit) {
                    if (!fill()) {
                        throw malformed("a quoted value is not closed");
                    }
                    continue;
                }
                pos++; // the quote
                if (peek() == '"') {
                    pos++;
                    value.append('"');
                    continue;
                }
                c = read();
                if (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
                    throw malformed("a character after a closing quote (code " + c + ")");
                }
                row.add(value.toString());
                return c;
            }
        }
        while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
            value.append((char) c);
            int start = pos;
            while (pos < limit) {
                char d = buffer[pos];
                if (d == delimiter || d == '\n' || d == '\r') {
                    break;
                }
                pos++;
            }
            append(start, pos);
            c = read();
        }
        row.add(value.toString());
        return c;
    }

    private void append(int from, int to) throws IOException {
        rowChars += to - from;
        if (rowChars > MAX_ROW_CHARS) {
            throw malformed("a row of more than " + MAX_ROW_CHARS + " characters (is a quote never closed?)");
        }
        value.append(buffer, from, to - from);
    }

    private int read() throws IOException {
        return pos < limit || fill() ? buffer[pos++] : EOF;
    }

    private int peek() throws IOException {
        return pos < limit || fill() ? buffer[pos] : EOF;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private static IOException malformed(String problem) {
        return new IOException("Malformed CSV: " + problem);
    }
}
