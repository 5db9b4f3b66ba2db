package dev.kinetic.emulator.service.dml;

import java.util.List;

/**
 * Writes batches of rows of one job whose header has been checked. Each call is one database transaction; rows fail
 * or succeed one by one. Thread-safe: batches of one job may be written concurrently.
 */
public interface DmlBatchWriter {
    /**
     * Applies the operation to these rows.
     *
     * @param rows cell texts aligned with the header ({@code ""} for an empty cell, {@code #N/A} to set null)
     * @return one result per row, in the same order
     */
    List<DmlRowResult> write(List<String[]> rows);

    /**
     * Applies the operation to these rows and, when a transaction writes them, calls {@code commit} inside it just
     * before it commits. A writer that commits nothing (every row failed before any write, or the batch could not
     * lock its records) may return without calling it. This default never calls it.
     *
     * @param rows cell texts aligned with the header
     * @param commit what to do in the batch's transaction before it commits
     * @return one result per row, in the same order
     */
    default List<DmlRowResult> write(List<String[]> rows, BatchCommit commit) {
        return write(rows);
    }

    /**
     * Called before a batch's rows are read for {@link #write}: may wait a little, while other batches of the object
     * write, so that this batch's rows are not prepared long before it can write them (see {@code WriteLane}). This
     * default returns at once.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    default void pace() throws InterruptedException {
    }
}
