package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.files.PrivateFiles;
import dev.kinetic.emulator.state.JobFiles;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sparse row index of a query result file: the header's length, the file's length, the row count, and one
 * segment per part the query was read in, each holding the byte offset of every {@value QueryJobRunner#INDEX_STEP}th
 * row of the segment. Files written before queries were read in parts hold one segment without a format mark; they
 * still load. Stateless.
 */
final class QueryIndex {
    // Older index files start with the header length, which is never negative.
    private static final long SEGMENTED = -2;

    private QueryIndex() {
    }

    /**
     * Rows {@code [firstRow, firstRow + rows)} of the result: row {@code firstRow + k * INDEX_STEP} starts at byte
     * {@code base + offsets[k]} of the file.
     */
    record Segment(long firstRow, long rows, long base, long[] offsets) {
    }

    /** A loaded index. */
    record Loaded(long headerLength, long fileLength, long rows, List<Segment> segments) {
        /**
         * The indexed row at or before {@code row}, which must be below {@link #rows()}: its byte offset and the rows
         * to skip from there.
         */
        long[] seek(long row) {
            int lo = 0;
            int hi = segments.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (segments.get(mid).firstRow() <= row) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            Segment s = segments.get(lo);
            long local = row - s.firstRow();
            int slot = (int) (local / QueryJobRunner.INDEX_STEP);
            return new long[] {s.base() + s.offsets()[slot], local - (long) slot * QueryJobRunner.INDEX_STEP};
        }
    }

    /**
     * Collects the byte offset of every {@value QueryJobRunner#INDEX_STEP}th row as rows are written. Not
     * thread-safe.
     */
    static final class Offsets {
        private long[] offsets = new long[64];
        private long rows;

        /** Counts the next row, which starts at byte {@code position}. */
        void row(long position) {
            if (rows % QueryJobRunner.INDEX_STEP == 0) {
                int slot = (int) (rows / QueryJobRunner.INDEX_STEP);
                if (slot == offsets.length) {
                    offsets = Arrays.copyOf(offsets, slot * 2);
                }
                offsets[slot] = position;
            }
            rows++;
        }

        /** The rows counted so far. */
        long rows() {
            return rows;
        }

        /** The offsets collected, one per index slot. */
        long[] toArray() {
            return Arrays.copyOf(offsets, slots(rows));
        }
    }

    /** The number of index slots for {@code rows} rows. */
    static int slots(long rows) {
        return (int) ((rows + QueryJobRunner.INDEX_STEP - 1) / QueryJobRunner.INDEX_STEP);
    }

    /** Writes the index; segments without rows are left out. */
    static void write(JobFiles files, long headerLength, long fileLength, long rows, List<Segment> segments)
            throws IOException {
        List<Segment> kept = new ArrayList<>();
        for (Segment s : segments) {
            if (s.rows() > 0) {
                kept.add(s);
            }
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                PrivateFiles.newOutputStream(files.queryIndex())))) {
            out.writeLong(SEGMENTED);
            out.writeLong(headerLength);
            out.writeLong(fileLength);
            out.writeLong(rows);
            out.writeInt(kept.size());
            for (Segment s : kept) {
                int slots = slots(s.rows());
                out.writeLong(s.firstRow());
                out.writeLong(s.rows());
                out.writeLong(s.base());
                out.writeInt(slots);
                for (int i = 0; i < slots; i++) {
                    out.writeLong(s.offsets()[i]);
                }
            }
        }
    }

    /** Reads the index of a finished query job. */
    static Loaded read(JobFiles files) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(files.queryIndex()))) {
            long first = in.readLong();
            if (first != SEGMENTED) {
                long fileLength = in.readLong();
                long rows = in.readLong();
                long[] offsets = longs(in, in.readInt());
                return new Loaded(first, fileLength, rows, List.of(new Segment(0, rows, 0, offsets)));
            }
            long headerLength = in.readLong();
            long fileLength = in.readLong();
            long rows = in.readLong();
            int count = in.readInt();
            List<Segment> segments = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long firstRow = in.readLong();
                long segmentRows = in.readLong();
                long base = in.readLong();
                segments.add(new Segment(firstRow, segmentRows, base, longs(in, in.readInt())));
            }
            return new Loaded(headerLength, fileLength, rows, List.copyOf(segments));
        }
    }

    private static long[] longs(DataInputStream in, int n) throws IOException {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = in.readLong();
        }
        return out;
    }
}
