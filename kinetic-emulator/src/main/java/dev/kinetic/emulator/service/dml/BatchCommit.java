package dev.kinetic.emulator.service.dml;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a batch's caller does inside the batch's transaction, after its rows are written and before it commits: the
 * ingest job logs the batch and keeps its result rows, so that the rows and that record commit together.
 */
@FunctionalInterface
public interface BatchCommit {
    /**
     * Called once, on the batch's connection, with the outcome that is about to commit.
     *
     * @throws SQLException to roll the whole batch back
     */
    void beforeCommit(Connection c, List<DmlRowResult> results) throws SQLException;

    /**
     * Called, when a batch's outcome is known before its statements run, with that outcome: outside the object's
     * write lane and before {@link #beforeCommit}. The writer keeps what this returns in the outcome's place (in its
     * place it is given to {@link #beforeCommit} if the batch commits, and returned by the write): a caller that has
     * taken what it needs from the results may return a smaller stand-in of the same size, so that the rows' results
     * are not held on the heap while the batch waits for the lane. The batch may still roll back afterwards (then
     * another outcome, or none, is committed), so whatever this leaves must be harmless for a batch that never commits
     * it. This default does nothing and returns {@code results}.
     *
     * @return {@code results}, or a list of the same size that stands in for them
     * @throws SQLException to roll the whole batch back
     */
    default List<DmlRowResult> prepare(List<DmlRowResult> results) throws SQLException {
        return results;
    }
}
