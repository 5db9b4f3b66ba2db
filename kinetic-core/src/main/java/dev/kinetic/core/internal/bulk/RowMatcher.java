package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.internal.csv.CsvRows;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds the input row of a result row within one chunk. The key column ({@code Id} as 18 characters, or the
 * external id) decides where both sides have it; otherwise the echoed values do, compared after
 * {@link EchoNormalizer}. Identical input rows are interchangeable: each is handed out once, lowest index first
 * (or highest first, so that success and failure streams of duplicates never claim the same row).
 *
 * <p>Memory: two or three longs per input row (sorted 32-bit hash prefixes with row numbers, plus the full 64-bit
 * hashes), never the rows themselves. Not thread-safe.
 */
final class RowMatcher {
    private final long firstRow;
    private final int[] inputCols;   // per compared column: index in the input header
    private final int[] resultCols;  // per compared column: index in the result header
    private final int keyInput;
    private final int keyResult;
    private final boolean idKey;
    private final long[] packed;     // (primary hash high 32 bits << 32) | local row, sorted
    private final long[] primary;    // per local row: key hash if keyed, else full hash
    private final long[] full;       // per local row: full hash (keyed mode only)
    private final BitSet used = new BitSet();
    private final boolean fromEnd;

    private RowMatcher(Chunk chunk, List<String> resultHeader, String key, char delimiter, boolean fromEnd) {
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
        int n = (int) chunk.rowCount();
        this.packed = new long[n];
        this.primary = new long[n];
        this.full = keyInput >= 0 ? new long[n] : null;
        index(chunk, delimiter, n);
    }

    /** Builds the matcher for one chunk and one result header (reads the chunk's rows once). */
    static RowMatcher build(Chunk chunk, List<String> resultHeader, String key, char delimiter, boolean fromEnd) {
        return new RowMatcher(chunk, resultHeader, key, delimiter, fromEnd);
    }

    private void index(Chunk chunk, char delimiter, int n) {
        try (InputStream raw = chunk.source().open(); CsvRows rows = new CsvRows(raw, delimiter)) {
            rows.next(); // header
            int r = 0;
            List<String> v;
            while (r < n && (v = rows.next()) != null) {
                long f = hash(v, inputCols);
                long p = f;
                if (full != null) {
                    full[r] = f;
                    p = keyHash(get(v, keyInput));
                }
                primary[r] = p;
                packed[r] = (p & 0xFFFF_FFFF_0000_0000L) | r;
                r++;
            }
            if (r < n) {
                Arrays.fill(primary, r, n, 0);
                for (int i = r; i < n; i++) {
                    packed[i] = Long.MIN_VALUE;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back the input rows to map results: " + e.getMessage(), e);
        }
        Arrays.sort(packed);
    }

    /** The global input index of a result row, or -1 if no unused input row matches. */
    long match(List<String> result) {
        long f = hash(result, resultCols);
        long p = full != null ? keyHash(get(result, keyResult)) : f;
        int lo = lowerBound(p & 0xFFFF_FFFF_0000_0000L);
        int hi = lo;
        while (hi < packed.length && (packed[hi] & 0xFFFF_FFFF_0000_0000L) == (p & 0xFFFF_FFFF_0000_0000L)) {
            hi++;
        }
        int best = pick(lo, hi, p, f, true);
        if (best < 0 && full != null) {
            best = pick(lo, hi, p, f, false);
        }
        if (best < 0) {
            return -1;
        }
        used.set(best);
        return firstRow + best;
    }

    private int pick(int lo, int hi, long p, long f, boolean needFull) {
        if (fromEnd) {
            for (int k = hi - 1; k >= lo; k--) {
                int row = (int) packed[k];
                if (ok(row, p, f, needFull)) {
                    return row;
                }
            }
        } else {
            for (int k = lo; k < hi; k++) {
                int row = (int) packed[k];
                if (ok(row, p, f, needFull)) {
                    return row;
                }
            }
        }
        return -1;
    }

    private boolean ok(int row, long p, long f, boolean needFull) {
        return primary[row] == p && !used.get(row) && (!needFull || full == null || full[row] == f);
    }

    private int lowerBound(long value) {
        int lo = 0;
        int hi = packed.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (packed[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private long keyHash(String value) {
        String v = idKey ? RecordIds.to18(value) : EchoNormalizer.normalize(value);
        return mix(fnv(0xcbf29ce484222325L, v));
    }

    private static long hash(List<String> values, int[] cols) {
        long h = 0xcbf29ce484222325L;
        for (int c : cols) {
            h = fnv(h, EchoNormalizer.normalize(get(values, c)));
            h = (h ^ 1) * 0x100000001b3L;
        }
        return mix(h);
    }

    private static String get(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
