package dev.kinetic.cli.results;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.kinetic.cli.input.CsvInputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds the input row a result row came from, whatever order results come back in. It keeps, per input row, a
 * 64-bit hash of the normalised key cells (the {@code Id} or external id column where the operation has one, else
 * every column) — 16 bytes a row, never the rows themselves. Equal rows are handed out in input order, each once.
 * Not thread-safe.
 */
final class RowIndex {
    /** Row numbers are packed into the low 24 bits of a sort key. */
    static final int MAX_ROWS = (1 << 24) - 1;

    private final List<String> keyColumns;
    private final long[] sortedKeys;
    private final long[] hashByRow;
    private final BitSet used = new BitSet();

    private RowIndex(List<String> keyColumns, long[] sortedKeys, long[] hashByRow) {
        this.keyColumns = keyColumns;
        this.sortedKeys = sortedKeys;
        this.hashByRow = hashByRow;
    }

    /**
     * Reads the input file once and indexes its data rows by the given columns.
     *
     * @throws IOException if the file cannot be read
     */
    static RowIndex build(CsvInputFile input, List<String> keyColumns) throws IOException {
        int[] positions = positions(input.header(), keyColumns);
        long[] hashes = new long[1024];
        int rows = 0;
        try (InputStream in = input.openData();
             CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(input.dialect().delimiter().character())
                     .allowMissingFields(true).allowExtraFields(true).skipEmptyLines(true)
                     .ofCsvRecord(in, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord record : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                if (rows == MAX_ROWS) {
                    break;
                }
                if (rows + 1 >= hashes.length) {
                    hashes = Arrays.copyOf(hashes, hashes.length * 2);
                }
                rows++;
                hashes[rows] = hash(record.getFields(), positions, keyColumns);
            }
        }
        long[] keys = new long[rows];
        for (int row = 1; row <= rows; row++) {
            keys[row - 1] = (hashes[row] & ~0xFFFFFFL) | row;
        }
        Arrays.sort(keys);
        return new RowIndex(keyColumns, keys, Arrays.copyOf(hashes, rows + 1));
    }

    /** The columns the index compares. */
    List<String> keyColumns() {
        return keyColumns;
    }

    /** The number of indexed data rows. */
    int rows() {
        return sortedKeys.length;
    }

    /**
     * Claims the first unclaimed input row whose key cells equal these.
     *
     * @param fields    a result row's cells
     * @param positions where the key columns are in the result row (from {@link #positionsIn(List)})
     * @return the 1-based data row number, or 0 if no unclaimed row matches
     */
    int claim(List<String> fields, int[] positions) {
        long hash = hash(fields, positions, keyColumns);
        long prefix = hash & ~0xFFFFFFL;
        int at = Arrays.binarySearch(sortedKeys, prefix);
        int i = at >= 0 ? at : -at - 1;
        for (; i < sortedKeys.length && (sortedKeys[i] & ~0xFFFFFFL) == prefix; i++) {
            int row = (int) (sortedKeys[i] & 0xFFFFFFL);
            if (hashByRow[row] == hash && !used.get(row)) {
                used.set(row);
                return row;
            }
        }
        return 0;
    }

    /** Where the key columns are in a result header (matched ignoring case), or null if one is missing. */
    int[] positionsIn(List<String> resultHeader) {
        try {
            return positions(resultHeader, keyColumns);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int[] positions(List<String> header, List<String> columns) {
        int[] positions = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            positions[c] = -1;
            for (int h = 0; h < header.size(); h++) {
                if (header.get(h).strip().equalsIgnoreCase(columns.get(c))) {
                    positions[c] = h;
                    break;
                }
            }
            if (positions[c] < 0) {
                throw new IllegalArgumentException("column " + columns.get(c) + " is not in " + header);
            }
        }
        return positions;
    }

    private static long hash(List<String> fields, int[] positions, List<String> columns) {
        long h = 0xcbf29ce484222325L;
        for (int c = 0; c < positions.length; c++) {
            int p = positions[c];
            String value = p < fields.size() ? fields.get(p) : "";
            String normal = ValueNormalizer.normalize(value, columns.get(c).toLowerCase(Locale.ROOT).equals("id"));
            for (int i = 0; i < normal.length(); i++) {
                h ^= normal.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= 0x1F;
            h *= 0x100000001b3L;
        }
        // A final mix so the high bits (used for sorting) depend on every character.
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
