package dev.kinetic.core.internal.bulk;

import de.siegmar.fastcsv.reader.CsvReader;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.LineEnding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a CSV file into byte ranges of whole rows, each at most maxBytesPerJob together with the header, in one
 * quote-aware pass over the bytes. Checks the header's line ending against the options, skips a UTF-8 BOM (never
 * uploaded), and checks that the key column ({@code Id}, the external id) has a value in every row.
 */
final class FileSplitter {
    private static final int BUFFER = 1 << 16;

    private FileSplitter() {
    }

    static List<Chunk> split(Path file, boolean spool, BulkOperation op, CallOptions options) {
        String key = KeyColumns.keyFor(op, options);
        byte delimiter = (byte) options.columnDelimiter().character();
        try (InputStream in = Files.newInputStream(file)) {
            Scanner s = new Scanner(in);
            long start = 0;
            if (s.peekBom()) {
                start = 3;
            }
            long headerEnd = s.skipRow(delimiter, -1);
            if (headerEnd <= start) {
                throw new IllegalArgumentException("The CSV " + file + " is empty; it needs a header row");
            }
            byte[] headerBytes = readRange(file, start, headerEnd);
            checkLineEnding(file, headerBytes, options.lineEnding());
            List<String> header = parseHeader(headerBytes, options.columnDelimiter().character());
            int keyIndex = KeyColumns.indexOf(header, key);
            if (key != null && keyIndex < 0) {
                throw new IllegalArgumentException(op.wireName() + " needs a column " + key + " in " + file
                        + "; its header has " + header);
            }
            List<Chunk> chunks = new ArrayList<>();
            List<Long> bad = new ArrayList<>();
            long badCount = 0;
            long chunkStart = headerEnd;
            long chunkRows = 0;
            long firstRow = 0;
            long row = 0;
            long rowStart = headerEnd;
            while (true) {
                long end = s.skipRow(delimiter, keyIndex);
                if (end == rowStart) {
                    break;
                }
                if (s.blankRow) {
                    rowStart = end;
                    continue;
                }
                if (keyIndex >= 0 && !s.keyHadValue) {
                    badCount++;
                    if (bad.size() < 10) {
                        bad.add(row);
                    }
                }
                if (headerBytes.length + (end - rowStart) > options.maxBytesPerJob()) {
                    throw new IllegalArgumentException("Row " + row + " of " + file + " alone is bigger than "
                            + "maxBytesPerJob " + options.maxBytesPerJob());
                }
                if (chunkRows > 0 && headerBytes.length + (end - chunkStart) > options.maxBytesPerJob()) {
                    chunks.add(new Chunk(chunks.size(), new ChunkSource(file, chunkStart, rowStart, headerBytes,
                            spool), header, firstRow, chunkRows, (char) delimiter));
                    chunkStart = rowStart;
                    chunkRows = 0;
                    firstRow = row;
                }
                chunkRows++;
                row++;
                rowStart = end;
            }
            if (badCount > 0) {
                throw new IllegalArgumentException(KeyColumns.missingMessage(op, key, bad, badCount)
                        .replace("record", "row"));
            }
            if (chunkRows == 0 && chunks.isEmpty()) {
                throw new IllegalArgumentException("The CSV " + file + " has a header but no data rows; nothing to send");
            }
            if (chunkRows > 0) {
                chunks.add(new Chunk(chunks.size(), new ChunkSource(file, chunkStart, rowStart, headerBytes, spool),
                        header, firstRow, chunkRows, (char) delimiter));
            }
            return chunks;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkLineEnding(Path file, byte[] header, LineEnding expected) {
        boolean crlf = header.length >= 2 && header[header.length - 2] == '\r' && header[header.length - 1] == '\n';
        boolean lf = !crlf && header.length >= 1 && header[header.length - 1] == '\n';
        if ((crlf && expected == LineEnding.LF) || (lf && expected == LineEnding.CRLF)) {
            throw new IllegalArgumentException("The CSV " + file + " has " + (crlf ? "CRLF" : "LF")
                    + " line endings but the job would say " + expected + "; pass lineEnding(" + (crlf ? "CRLF" : "LF")
                    + ") so Salesforce does not fail the job");
        }
    }

    private static List<String> parseHeader(byte[] headerBytes, char delimiter) {
        String text = new String(headerBytes, StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
        return List.copyOf(CsvReader.builder().fieldSeparator(delimiter).ofSingleCsvRecord(text).getFields());
    }

    private static byte[] readRange(Path file, long start, long end) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(start);
            return in.readNBytes((int) (end - start));
        }
    }

    /** A quote-aware byte scanner that finds row ends. */
    private static final class Scanner {
        private final InputStream in;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int len;
        private long offset; // file offset of buf[0]
        boolean keyHadValue;
        boolean blankRow;

        Scanner(InputStream in) {
            this.in = in;
        }

        boolean peekBom() throws IOException {
            fill();
            if (len >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                pos = 3;
                return true;
            }
            return false;
        }

        /** Consumes one row and returns the file offset just after its line ending (or EOF). */
        long skipRow(byte delimiter, int keyIndex) throws IOException {
            boolean quoted = false;
            int field = 0;
            keyHadValue = false;
            blankRow = true;
            while (true) {
                if (pos >= len && !fill()) {
                    return offset + pos;
                }
                byte b = buf[pos++];
                if (b == '"') {
                    quoted = !quoted;
                    blankRow = false;
                    continue;
                }
                if (quoted) {
                    if (field == keyIndex) {
                        keyHadValue = true;
                    }
                    continue;
                }
                if (b == '\n') {
                    return offset + pos;
                }
                if (b == '\r') {
                    continue;
                }
                blankRow = false;
                if (b == delimiter) {
                    field++;
                } else if (field == keyIndex && b != ' ' && b != '\t') {
                    keyHadValue = true;
                }
            }
        }

        private boolean fill() throws IOException {
            if (pos < len) {
                return true;
            }
            offset += len;
            pos = 0;
            len = 0;
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return false;
            }
            len = n;
            return true;
        }
    }

    static byte[] copyOf(byte[] b) {
        return Arrays.copyOf(b, b.length);
    }
}
