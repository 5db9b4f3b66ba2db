package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.internal.csv.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The original input rows of failed results, in input order: the caller's own maps for a list input, else the
 * rows read back from the uploaded CSV ({@code #N/A} as null, empty fields left out), else the echoed columns.
 */
final class RetryRows {
    private RetryRows() {
    }

    static List<Map<String, Object>> of(List<BulkRecord> failed, List<Chunk> chunks,
                                        List<? extends Map<String, ?>> originalRows) {
        TreeMap<Long, Map<String, Object>> byIndex = new TreeMap<>();
        List<Map<String, Object>> unmatched = new ArrayList<>();
        for (BulkRecord r : failed) {
            if (r.findInputIndex().isEmpty()) {
                unmatched.add(echoed(r));
            } else {
                byIndex.put(r.inputIndex(), null);
            }
        }
        if (originalRows != null) {
            byIndex.replaceAll((i, v) -> new LinkedHashMap<>(originalRows.get(Math.toIntExact(i))));
        } else {
            for (Chunk c : chunks) {
                readBack(c, byIndex);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>(byIndex.size() + unmatched.size());
        byIndex.values().forEach(m -> out.add(Collections.unmodifiableMap(m)));
        out.addAll(unmatched);
        return Collections.unmodifiableList(out);
    }

    private static void readBack(Chunk c, TreeMap<Long, Map<String, Object>> byIndex) {
        var wanted = byIndex.subMap(c.firstRow(), true, c.firstRow() + c.rowCount(), false);
        if (wanted.isEmpty()) {
            return;
        }
        char delimiter = delimiterOf(c);
        try (InputStream in = c.source().open(); CsvRows rows = new CsvRows(in, delimiter)) {
            List<String> header = rows.next();
            long i = c.firstRow();
            List<String> v;
            while ((v = rows.next()) != null && i < c.firstRow() + c.rowCount()) {
                if (wanted.containsKey(i)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int k = 0; k < header.size() && k < v.size(); k++) {
                        String s = v.get(k);
                        if (s.equals("#N/A")) {
                            m.put(header.get(k), null);
                        } else if (!s.isEmpty()) {
                            m.put(header.get(k), s);
                        }
                    }
                    wanted.put(i, m);
                }
                i++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The delimiter the chunk was written with, recovered from its header line. */
    private static char delimiterOf(Chunk c) {
        return c.delimiter();
    }

    private static Map<String, Object> echoed(BulkRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        r.originalFields().forEach((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return m;
    }
}
