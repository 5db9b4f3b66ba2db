package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.internal.csv.CsvRowWriter;
import dev.kinetic.core.internal.csv.CsvValues;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes maps as CSV spool files of at most maxBytesPerJob each (one per job), validating key columns first.
 * For a collection the header is the union of all keys ({@code Id} first, then first-seen order), found in a first
 * pass; a one-shot iterable is read once, so its header grows as keys appear and a new key starts a new job.
 */
final class MapSplitter {
    private MapSplitter() {
    }

    static List<Chunk> split(Iterable<? extends Map<String, ?>> records, BulkOperation op, CallOptions options) {
        String key = KeyColumns.keyFor(op, options);
        boolean twoPass = records instanceof Collection;
        Set<String> header = new LinkedHashSet<>();
        if (twoPass) {
            validateAndCollect(records, op, key, header);
        }
        Writer w = new Writer(options, orderedHeader(header));
        List<Long> bad = new ArrayList<>();
        long badCount = 0;
        long row = 0;
        try {
            for (Map<String, ?> r : records) {
                if (!twoPass) {
                    if (key != null && !hasKey(r, key)) {
                        badCount++;
                        if (bad.size() < 10) {
                            bad.add(row);
                        }
                    }
                    if (!header.containsAll(r.keySet())) {
                        header.addAll(r.keySet());
                        w.newHeader(orderedHeader(header));
                    }
                }
                if (badCount == 0) {
                    w.write(r, row);
                }
                row++;
            }
            if (badCount > 0) {
                throw new IllegalArgumentException(KeyColumns.missingMessage(op, key, bad, badCount));
            }
            if (row == 0) {
                throw new IllegalArgumentException(op.wireName() + " got no records; nothing to send");
            }
            return w.finish();
        } catch (RuntimeException e) {
            w.discard();
            throw e;
        }
    }

    private static void validateAndCollect(Iterable<? extends Map<String, ?>> records, BulkOperation op, String key,
                                           Set<String> header) {
        List<Long> bad = new ArrayList<>();
        long badCount = 0;
        long i = 0;
        for (Map<String, ?> r : records) {
            if (r == null) {
                throw new NullPointerException("record at index " + i + " is null");
            }
            header.addAll(r.keySet());
            if (key != null && !hasKey(r, key)) {
                badCount++;
                if (bad.size() < 10) {
                    bad.add(i);
                }
            }
            i++;
        }
        if (badCount > 0) {
            throw new IllegalArgumentException(KeyColumns.missingMessage(op, key, bad, badCount));
        }
    }

    private static boolean hasKey(Map<String, ?> r, String key) {
        Object v = r.get(key);
        if (v == null) {
            for (Map.Entry<String, ?> e : r.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    v = e.getValue();
                }
            }
        }
        return v != null && !v.toString().isBlank();
    }

    private static List<String> orderedHeader(Set<String> keys) {
        List<String> h = new ArrayList<>(keys.size());
        for (String k : keys) {
            if (k.equalsIgnoreCase("Id")) {
                h.add(0, k);
            } else {
                h.add(k);
            }
        }
        return h;
    }

    /** Writes rows into successive spool files. */
    private static final class Writer {
        private final CallOptions options;
        private final CsvRowWriter csv;
        private final List<Chunk> chunks = new ArrayList<>();
        private List<String> header;
        private byte[] headerBytes;
        private Path file;
        private OutputStream out;
        private long bytes;
        private long rows;
        private long firstRow;
        private final List<String> values = new ArrayList<>();

        Writer(CallOptions options, List<String> header) {
            this.options = options;
            this.csv = new CsvRowWriter(options.columnDelimiter().character(), options.lineEnding().separator());
            setHeader(header);
        }

        void newHeader(List<String> h) {
            if (rows > 0) {
                closeChunk();
            }
            setHeader(h);
        }

        private void setHeader(List<String> h) {
            this.header = List.copyOf(h);
            this.headerBytes = csv.encode(header);
        }

        void write(Map<String, ?> r, long index) {
            values.clear();
            for (String col : header) {
                if (r.containsKey(col)) {
                    Object v = r.get(col);
                    try {
                        values.add(CsvValues.format(v));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("Record " + index + ", field " + col + ": "
                                + e.getMessage(), e);
                    }
                } else {
                    values.add("");
                }
            }
            byte[] line = csv.encode(values);
            if (rows > 0 && headerBytes.length + bytes + line.length > options.maxBytesPerJob()) {
                closeChunk();
            }
            if (headerBytes.length + line.length > options.maxBytesPerJob()) {
                throw new IllegalArgumentException("Record " + index + " alone needs " + line.length
                        + " bytes, more than maxBytesPerJob " + options.maxBytesPerJob());
            }
            try {
                if (out == null) {
                    file = SpoolDir.newFile("upload");
                    out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                    firstRow = index;
                }
                out.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the spool file " + file + ": " + e.getMessage(), e);
            }
            bytes += line.length;
            rows++;
        }

        private void closeChunk() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            chunks.add(new Chunk(chunks.size(), new ChunkSource(file, 0, bytes, headerBytes, true), header,
                    firstRow, rows, options.columnDelimiter().character()));
            out = null;
            bytes = 0;
            rows = 0;
        }

        List<Chunk> finish() {
            if (rows > 0) {
                closeChunk();
            }
            return chunks;
        }

        void discard() {
            try {
                if (out != null) {
                    out.close();
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // best effort
            }
            chunks.forEach(c -> c.source().deleteSpool());
        }
    }

    /** Copies a map with the original's order, for retry lists. */
    static Map<String, Object> copy(Map<String, ?> m) {
        return new LinkedHashMap<>(m);
    }
}
