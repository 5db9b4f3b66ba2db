package dev.kinetic.emulator.db;

/**
 * Whether closing a file-backed store compacts it. The store appends every change at the end of its file
 * ({@code REUSE_SPACE=FALSE}), so without compaction the file only grows.
 */
public enum Compaction {
    /** Never: the close is as quick as it gets and the file keeps its dead space. */
    NEVER,
    /**
     * When at least a quarter of the file (and over 64 KB) is dead space: the file stays under about 4/3 of its live
     * data, and a close after a read-only command costs nothing.
     */
    WHEN_WASTEFUL,
    /** Always (what {@code kinetic org compact} asks for). */
    ALWAYS;

    private static final long MIN_WASTE_BYTES = 64L << 10;

    boolean applies(StoreFill fill) {
        return switch (this) {
            case NEVER -> false;
            case ALWAYS -> fill.fileBacked();
            case WHEN_WASTEFUL -> fill.fileBacked() && fill.deadBytes() >= MIN_WASTE_BYTES
                    && fill.deadBytes() * 4 >= fill.fileBytes();
        };
    }
}
