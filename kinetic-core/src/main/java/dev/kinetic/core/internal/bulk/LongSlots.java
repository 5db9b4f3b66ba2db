package dev.kinetic.core.internal.bulk;

/** A fixed number of {@code long} cells, zero at first: on the heap or in a file mapped into memory. */
interface LongSlots extends AutoCloseable {
    long get(long index);

    void set(long index, long value);

    /** Releases the cells; for a file, deletes it. Idempotent. */
    @Override
    void close();

    /** Cells in a {@code long[]}. */
    final class OnHeap implements LongSlots {
        private final long[] cells;

        OnHeap(int size) {
            this.cells = new long[size];
        }

        @Override
        public long get(long index) {
            return cells[(int) index];
        }

        @Override
        public void set(long index, long value) {
            cells[(int) index] = value;
        }

        @Override
        public void close() {
            // garbage collected with this object
        }
    }
}
