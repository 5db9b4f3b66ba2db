package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.state.CsvDialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte range of CSV that {@link CsvScanner} has already checked into rows of cell texts: RFC 4180 quoting
 * with doubled quotes, the job's delimiter and line ending, quoted line breaks kept as data, blank lines skipped.
 * Stateless apart from a scratch buffer; use one per thread.
 */
final class CsvRowParser {
    private final byte delimiter;
    private final boolean crlf;
    private byte[] scratch = new byte[256];

    CsvRowParser(CsvDialect dialect) {
        this.delimiter = (byte) dialect.delimiter().character();
        this.crlf = dialect.lineEnding() == CsvDialect.LineEnding.CRLF;
    }

    /** Parses {@code len} bytes of {@code buf} into rows of {@code columns} cells (fewer when a row is short). */
    List<String[]> parse(byte[] buf, int len, int columns) {
        List<String[]> rows = new ArrayList<>();
        int p = 0;
        String[] row = new String[Math.max(columns, 1)];
        int cell = 0;
        while (p < len) {
            if (cell == 0 && isLineEnd(buf, p, len)) {
                p += buf[p] == '\r' ? 2 : 1;
                continue;
            }
            String value;
            if (buf[p] == '"') {
                int out = 0;
                p++;
                while (p < len) {
                    byte b = buf[p];
                    if (b == '"') {
                        if (p + 1 < len && buf[p + 1] == '"') {
                            out = put(out, b);
                            p += 2;
                            continue;
                        }
                        p++;
                        break;
                    }
                    out = put(out, b);
                    p++;
                }
                value = new String(scratch, 0, out, StandardCharsets.UTF_8);
            } else {
                int start = p;
                while (p < len && buf[p] != delimiter && !isLineEnd(buf, p, len)) {
                    p++;
                }
                value = new String(buf, start, p - start, StandardCharsets.UTF_8);
            }
            if (cell == row.length) {
                row = Arrays.copyOf(row, row.length + 1);
            }
            row[cell++] = value;
            if (p < len && buf[p] == delimiter) {
                p++;
                if (p == len) {
                    row = grow(row, cell);
                    row[cell++] = "";
                }
                continue;
            }
            if (p < len) {
                p += buf[p] == '\r' ? 2 : 1;
            }
            rows.add(cell == row.length ? row : Arrays.copyOf(row, cell));
            row = new String[Math.max(columns, 1)];
            cell = 0;
        }
        if (cell > 0) {
            rows.add(Arrays.copyOf(row, cell));
        }
        return rows;
    }

    private static String[] grow(String[] row, int cell) {
        return cell == row.length ? Arrays.copyOf(row, row.length + 1) : row;
    }

    private boolean isLineEnd(byte[] buf, int p, int len) {
        byte b = buf[p];
        if (crlf) {
            return b == '\r' && p + 1 < len && buf[p + 1] == '\n';
        }
        return b == '\n';
    }

    private int put(int out, byte b) {
        if (out == scratch.length) {
            scratch = Arrays.copyOf(scratch, out * 2);
        }
        scratch[out] = b;
        return out + 1;
    }
}
