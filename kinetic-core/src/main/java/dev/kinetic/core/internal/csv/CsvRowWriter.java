package dev.kinetic.core.internal.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV rows as UTF-8 (no BOM) with a chosen delimiter and line ending, quoting only where needed (a value
 * holding the delimiter, a quote, CR or LF, or starting/ending with a quote). Counts the bytes it wrote, so the
 * splitter knows when a job is full. Not thread-safe.
 */
public final class CsvRowWriter {
    private final char delimiter;
    private final String lineEnding;
    private final StringBuilder line = new StringBuilder(256);

    public CsvRowWriter(char delimiter, String lineEnding) {
        this.delimiter = delimiter;
        this.lineEnding = lineEnding;
    }

    /** Encodes one row (with its line ending) to UTF-8 bytes. */
    public byte[] encode(List<String> values) {
        line.setLength(0);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            appendField(values.get(i));
        }
        line.append(lineEnding);
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes one row and returns the bytes written. */
    public int write(OutputStream out, List<String> values) throws IOException {
        byte[] bytes = encode(values);
        out.write(bytes);
        return bytes.length;
    }

    private void appendField(String v) {
        if (v == null || v.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            line.append(v);
            return;
        }
        line.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }
}
