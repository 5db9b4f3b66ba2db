package dev.kinetic.core.internal.bulk;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the input row of a result row within one chunk. The key column ({@code Id} as 18 characters, or the
 * external id) decides where both sides have it; otherwise the echoed values do, compared after
 * {@link EchoNormalizer}. Identical input rows are interchangeable: each is handed out once, lowest index first
 * (or highest first, so that success and failure streams of duplicates never claim the same row).
 *
 * <p>Memory: the rows are indexed in a {@link RowIndex} of three longs per entry (two without a key column), at
 * least 1.5 entries per row, never the rows themselves; past
 * {@link RowIndex.Spill#afterRows()} rows in the chunk that index is a spool file mapped into memory, not heap,
 * deleted by {@link #close()}. Not thread-safe.
 */
final class RowMatcher implements AutoCloseable {
    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    private final long firstRow;
    private final int[] inputCols;   // per compared column: index in the input header
    private final int[] resultCols;  // per compared column: index in the result header
    private final int keyInput;
    private final int keyResult;
    private final boolean idKey;
    private final boolean keyed;
    private final RowIndex index;
    private final boolean fromEnd;

    private RowMatcher(Chunk chunk, List<String> resultHeader, String key, char delimiter, boolean fromEnd,
                       RowIndex.Spill spill) {
        this.firstRow = chunk.firstRow();
        this.fromEnd = fromEnd;
        List<String> input = chunk.header();
        List<Integer> in = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        int kIn = -1;
        int kOut = -1;
        for (int j = 0; j < resultHeader.size(); j++) {
            String col = resultHeader.get(j);
            if (col.startsWith("sf__")) {
                continue;
            }
            int i = KeyColumns.indexOf(input, col);
            if (i >= 0) {
                in.add(i);
                out.add(j);
                if (key != null && col.equalsIgnoreCase(key)) {
                    kIn = i;
                    kOut = j;
                }
            }
        }
        this.inputCols = in.stream().mapToInt(Integer::intValue).toArray();
        this.resultCols = out.stream().mapToInt(Integer::intValue).toArray();
        this.keyInput = kIn;
        this.keyResult = kOut;
        this.idKey = key != null && key.equalsIgnoreCase("Id");
        this.keyed = keyInput >= 0;
        this.index = RowIndex.forRows(chunk.rowCount(), spill, keyed); // unkeyed: primary hash = full hash
        try {
            index(chunk, delimiter, (int) chunk.rowCount());
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** Builds the matcher for one chunk and one result header (reads the chunk's rows once). */
    static RowMatcher build(Chunk chunk, List<String> resultHeader, String key, char delimiter, boolean fromEnd) {
        return build(chunk, resultHeader, key, delimiter, fromEnd, RowIndex.Spill.DEFAULT);
    }

    /** As {@link #build(Chunk, List, String, char, boolean)}, spilling the index as {@code spill} says. */
    static RowMatcher build(Chunk chunk, List<String> resultHeader, String key, char delimiter, boolean fromEnd,
                            RowIndex.Spill spill) {
        return new RowMatcher(chunk, resultHeader, key, delimiter, fromEnd, spill);
    }

    /** Whether the row index lives in a spool file (for tests). */
    boolean spilled() {
        return index.spilled();
    }

    private void index(Chunk chunk, char delimiter, int n) {
        try (InputRowHashes rows = new InputRowHashes(chunk.source().open(), delimiter)) {
            rows.next(); // header
            int r = 0;
            while (r < n && rows.next()) {
                long f = rows.hash(inputCols);
                index.add(keyed ? keyHash(rows.value(keyInput)) : f, f, r);
                r++;
            }
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Cannot read back the input rows to map results: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The global input index of a result row, or -1 if no unused input row matches. */
    long match(List<String> result) {
        long f = hash(result, resultCols);
        long p = keyed ? keyHash(get(result, keyResult)) : f;
        int row = index.take(p, f, true, fromEnd);
        if (row < 0 && keyed) {
            row = index.take(p, f, false, fromEnd);
        }
        return row < 0 ? -1 : firstRow + row;
    }

    /** Releases the row index (deleting its file if it was spilled). */
    @Override
    public void close() {
        index.close();
    }

    private long keyHash(String value) {
        String v = idKey ? RecordIds.to18(value) : EchoNormalizer.normalize(value);
        return mix(fnv(FNV_OFFSET, v));
    }

    /** The hash of the values in {@code cols}, each normalised ({@link InputRowHashes} hashes input rows alike). */
    static long hash(List<String> values, int[] cols) {
        long h = FNV_OFFSET;
        for (int c : cols) {
            h = fnv(h, EchoNormalizer.normalize(get(values, c)));
            h = (h ^ 1) * FNV_PRIME;
        }
        return mix(h);
    }

    private static String get(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
