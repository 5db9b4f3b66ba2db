package dev.kinetic.core.internal.bulk;

import java.nio.file.Path;

/**
 * The input rows of one chunk as fixed-width entries (primary hash, full hash, row) in an open-addressing table
 * with linear probing, so a result row finds its candidates in a few probes. Up to {@link Spill#afterRows()} rows
 * the table is a {@code long[]} on the heap; past it, a spool file mapped into memory ({@link MappedLongSlots}), so
 * the heap holds nothing per row however many rows a chunk has.
 *
 * <p>Rows are added in ascending order and never removed, so the entries of one primary hash lie, in the order
 * they were added, between the hash's home slot and the next empty slot: scanning that run front to back gives the
 * lowest row first, back to front the highest. A taken row is marked used in its entry and never handed out again.
 *
 * <p>Entry: cell 0 the primary hash, cell 1 the full hash, cell 2 {@code row + 1} (0 = empty) with the used bit. A
 * table of rows matched by one hash only (no key column: the primary hash is the full hash) leaves the full hash
 * out, so its entries are two cells, a third less memory or spill file. The table has at least 1.5 entries per row
 * (at most 2/3 full). Not thread-safe.
 */
final class RowIndex implements AutoCloseable {
    /**
     * When to spill: past {@code afterRows} rows, into a file in {@code dir} ({@code null}: {@code java.io.tmpdir}).
     *
     * @param afterRows the most rows kept on the heap
     * @param dir where spill files go, or {@code null}
     */
    record Spill(long afterRows, Path dir) {
        /** 100,000 rows (at most 6 MB of heap) in {@code java.io.tmpdir}. */
        static final Spill DEFAULT = new Spill(100_000, null);
    }

    private static final long USED = 1L << 62;
    private static final long ROW = USED - 1;

    private final LongSlots slots;
    private final long mask;
    private final boolean spilled;
    private final int cells;    // per entry: 3, or 2 without the full hash
    private final int rowCell;  // the entry's cell holding row + 1 and the used bit

    private RowIndex(LongSlots slots, long capacity, boolean spilled, int cells) {
        this.slots = slots;
        this.mask = capacity - 1;
        this.spilled = spilled;
        this.cells = cells;
        this.rowCell = cells - 1;
    }

    /** An empty table for at most {@code rows} rows: on the heap up to the spill's rows, in a file above. */
    static RowIndex forRows(long rows, Spill spill) {
        return forRows(rows, spill, true);
    }

    /**
     * As {@link #forRows(long, Spill)}; without {@code fullHash}, every row's primary hash must be its full hash
     * (the entries then hold only the one).
     */
    static RowIndex forRows(long rows, Spill spill, boolean fullHash) {
        int cells = fullHash ? 3 : 2;
        long capacity = Long.highestOneBit(Math.max(2, rows + rows / 2 + 1) - 1) << 1;
        if (rows <= spill.afterRows() && capacity * cells <= Integer.MAX_VALUE - 8) {
            return new RowIndex(new LongSlots.OnHeap((int) (capacity * cells)), capacity, false, cells);
        }
        return new RowIndex(new MappedLongSlots(capacity * cells, spill.dir()), capacity, true, cells);
    }

    /** Whether the entries live in a file rather than on the heap. */
    boolean spilled() {
        return spilled;
    }

    /**
     * Adds a row; rows must come in ascending order, and at most as many as the table was made for ({@code full}
     * equal to {@code primary} in a table without full hashes).
     */
    void add(long primary, long full, int row) {
        long slot = primary & mask;
        while (slots.get(slot * cells + rowCell) != 0) {
            slot = (slot + 1) & mask;
        }
        slots.set(slot * cells, primary);
        if (cells == 3) {
            slots.set(slot * cells + 1, full);
        }
        slots.set(slot * cells + rowCell, row + 1L);
    }

    /**
     * Takes the lowest (or, {@code fromEnd}, the highest) unused row whose primary hash is {@code primary} and, if
     * {@code needFull}, whose full hash is {@code full}; marks it used.
     *
     * @return the row within the chunk, or -1 if none is left
     */
    int take(long primary, long full, boolean needFull, boolean fromEnd) {
        long found = -1;
        for (long slot = primary & mask; ; slot = (slot + 1) & mask) {
            long word = slots.get(slot * cells + rowCell);
            if (word == 0) {
                break;
            }
            if ((word & USED) == 0 && slots.get(slot * cells) == primary
                    && (!needFull || cells == 2 || slots.get(slot * cells + 1) == full)) {
                found = slot;
                if (!fromEnd) {
                    break;
                }
            }
        }
        if (found < 0) {
            return -1;
        }
        long word = slots.get(found * cells + rowCell);
        slots.set(found * cells + rowCell, word | USED);
        return (int) ((word & ROW) - 1);
    }

    /** Releases the table; a spilled one's file is deleted. */
    @Override
    public void close() {
        slots.close();
    }
}
