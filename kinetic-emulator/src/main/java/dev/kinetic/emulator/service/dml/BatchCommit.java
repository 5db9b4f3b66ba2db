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
}
