package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.state.CsvDialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an uploaded CSV before any row is processed, the way Salesforce fails a whole job: a byte order mark, a line
 * ending other than the job's outside quotes, a stray or unclosed quote, or a row whose column count differs from the
 * header's. On success it returns the header's byte range and the byte ranges of the internal batches of
 * {@code batchSize} rows, so workers can parse batches in parallel. One pass over the bytes; delimiters, quotes and
 * line breaks are ASCII, so scanning UTF-8 bytes is safe. Not thread-safe; use one per scan.
 */
final class CsvScanner {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final byte delimiter;
    private final boolean crlf;
    private final int batchSize;

    /** The outcome: header range, batch ranges and row count. */
    record Plan(long headerStart, long headerEnd, List<long[]> batches, long rows) {
    }

    /** A CSV problem that fails the whole job, with Salesforce's errorMessage. */
    static final class CsvProblem extends Exception {
        private static final long serialVersionUID = 1L;

        CsvProblem(String errorMessage) {
            super(errorMessage);
        }
    }

    CsvScanner(CsvDialect dialect, int batchSize) {
        this.delimiter = (byte) dialect.delimiter().character();
        this.crlf = dialect.lineEnding() == CsvDialect.LineEnding.CRLF;
        this.batchSize = batchSize;
    }

    Plan scan(Path file) throws IOException, CsvProblem {
        try (InputStream in = Files.newInputStream(file)) {
            return scan(in);
        }
    }

    // One state machine over the whole input; positions are absolute byte offsets.
    Plan scan(InputStream in) throws IOException, CsvProblem {
        byte[] buf = new byte[1 << 16];
        long base = 0;
        boolean first = true;
        int n;
        while ((n = in.read(buf)) > 0) {
            int i = 0;
            if (first) {
                first = false;
                checkBom(buf, n);
            }
            for (; i < n; i++) {
                byte b = buf[i];
                if (state == QUOTED) {
                    // Inside quotes only a quote matters: skip to it (or to the end of the chunk).
                    while (i < n && buf[i] != '"') {
                        i++;
                    }
                    if (i < n) {
                        state = QUOTE_IN_QUOTED;
                    }
                    continue;
                }
                if (pendingCr) {
                    pendingCr = false;
                    if (b == '\n') {
                        if (!crlf) {
                            throw lineEnding();
                        }
                        endRecord(base + i - 1, base + i + 1);
                        continue;
                    }
                    dataByte();
                }
                if (b == delimiter) {
                    fields++;
                    state = FIELD_START;
                    lineHasContent = true;
                } else if (b == '\n') {
                    if (crlf) {
                        throw lineEnding();
                    }
                    endRecord(base + i, base + i + 1);
                } else if (b == '\r') {
                    pendingCr = true;
                } else if (b == '"') {
                    if (state == FIELD_START || state == QUOTE_IN_QUOTED) {
                        state = QUOTED;
                    } else {
                        throw unescapedQuote();
                    }
                    lineHasContent = true;
                } else {
                    dataByte();
                    // The rest of an unquoted value changes nothing that dataByte() has not set: skip it.
                    while (i + 1 < n && plain(buf[i + 1])) {
                        i++;
                    }
                }
            }
            base += n;
        }
        if (state == QUOTED) {
            throw new CsvProblem("InvalidBatch : Failed to parse CSV. A quoted field in row " + (rows + 1)
                    + " is never closed; double every quote inside a quoted value");
        }
        if (pendingCr) {
            dataByte();
        }
        if (lineHasContent || state != FIELD_START) {
            endRecord(base, base);
        }
        if (headerFields < 0) {
            throw new CsvProblem("InvalidBatch : Failed to parse CSV. The upload has no header row");
        }
        if (rowsInBatch > 0) {
            batches.add(new long[] {batchStart, base, rowsInBatch});
        }
        return new Plan(dataStart, headerEnd, batches, rows);
    }

    private int state = FIELD_START;
    private boolean lineHasContent;
    private boolean pendingCr;
    private int fields;
    private int headerFields = -1;
    private long headerEnd = -1;
    private long dataStart;
    private long rows;
    private long rowsInBatch;
    private long batchStart;
    private final List<long[]> batches = new ArrayList<>();

    private void checkBom(byte[] buf, int n) throws CsvProblem {
        if (n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            throw new CsvProblem(n > 3 && buf[3] == '"'
                    ? "InvalidBatch : Failed to parse CSV. Found unescaped quote"
                    : "InvalidBatch : Failed to parse CSV. Found a UTF-8 byte order mark (BOM) before the header; "
                            + "save the file as UTF-8 without a BOM");
        }
    }

    // A byte that is not a delimiter, a quote or part of a line ending.
    private boolean plain(byte b) {
        return b != delimiter && b != '\n' && b != '\r' && b != '"';
    }

    private void dataByte() throws CsvProblem {
        if (state == QUOTE_IN_QUOTED) {
            throw unescapedQuote();
        }
        state = UNQUOTED;
        lineHasContent = true;
    }

    // A record ends: `contentEnd` is where its line ending starts, `next` where the next record starts.
    private void endRecord(long contentEnd, long next) throws CsvProblem {
        if (lineHasContent || state != FIELD_START) {
            int count = fields + 1;
            if (headerFields < 0) {
                headerFields = count;
                headerEnd = contentEnd;
                batchStart = next;
            } else {
                if (count != headerFields) {
                    throw columnCount(rows + 1, count, headerFields);
                }
                rows++;
                if (++rowsInBatch == batchSize) {
                    batches.add(new long[] {batchStart, next, rowsInBatch});
                    batchStart = next;
                    rowsInBatch = 0;
                }
            }
        } else if (headerFields < 0) {
            dataStart = next;
        }
        fields = 0;
        state = FIELD_START;
        lineHasContent = false;
    }

    private CsvProblem lineEnding() {
        return new CsvProblem("ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is "
                + (crlf ? "CRLF" : "LF"));
    }

    private CsvProblem unescapedQuote() {
        return new CsvProblem("InvalidBatch : Failed to parse CSV. Found unescaped quote in row " + (rows + 1));
    }

    private static CsvProblem columnCount(long row, int count, int headerCount) {
        return new CsvProblem("InvalidBatch : Failed to parse CSV. Row " + row + " has " + count
                + " columns but the header has " + headerCount + "; check the columnDelimiter and the quoting");
    }
}
