package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * The writer of one prepared job: each {@link #write} is one transaction. A batch first trusts the unique indexes
 * to refuse values that saved records hold; when one does, the batch is rolled back and redone with every value
 * looked up first ({@link BatchRun.Mode}). When a concurrent batch saves a unique value between those checks and our
 * insert, the batch is redone row by row, so exactly one of the clashing rows wins and the other fails with
 * DUPLICATE_VALUE. A batch that cannot lock its records (deadlock or lock
 * timeout against other batches) is rolled back and each of its rows fails with UNABLE_TO_LOCK_ROW. Thread-safe: it
 * holds only immutable job state.
 */
final class EngineBatchWriter implements DmlBatchWriter {
    private final Database database;
    private final Clock clock;
    private final JobPlan plan;
    private final CellConverter converter;
    private final InsertLayout layout;

    EngineBatchWriter(Database database, Clock clock, JobPlan plan) {
        this.database = database;
        this.clock = clock;
        this.plan = plan;
        this.converter = new CellConverter(database.schema(), plan);
        this.layout = new InsertLayout(plan);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the database fails for a reason that is not a row's fault
     */
    @Override
    public List<DmlRowResult> write(List<String[]> rows) {
        return write(rows, (c, results) -> { });
    }

    /**
     * {@inheritDoc} A batch whose rows all fail with UNABLE_TO_LOCK_ROW commits nothing and does not call it.
     *
     * @throws IllegalStateException when the database fails for a reason that is not a row's fault
     */
    @Override
    public List<DmlRowResult> write(List<String[]> rows, BatchCommit commit) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        try {
            List<DmlRowResult> results = attempt(rows, now, BatchRun.Mode.OPTIMISTIC, commit);
            if (results == null) {
                results = attempt(rows, now, BatchRun.Mode.CHECKED, commit);
            }
            return results != null ? results : attempt(rows, now, BatchRun.Mode.CAREFUL, commit);
        } catch (SQLException e) {
            if (isLockFailure(e)) {
                return lockFailures(rows);
            }
            throw new IllegalStateException("Cannot write a batch of " + rows.size() + " " + plan.type().name()
                    + " rows (" + plan.operation().apiName() + "): " + e.getMessage(), e);
        }
    }

    /** {@inheritDoc} Waits on the object's {@link dev.kinetic.emulator.db.WriteLane#pace write lane}. */
    @Override
    public void pace() throws InterruptedException {
        database.writeLane(plan.type()).pace();
    }

    // Deadlock (40001) or lock timeout (HYT00): other batches held these records for too long.
    private static boolean isLockFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "HYT00".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    // Every row fails as Salesforce fails rows it cannot lock; the transaction was rolled back, so nothing was saved.
    private List<DmlRowResult> lockFailures(List<String[]> rows) {
        String error = RowErrors.of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record", null);
        List<DmlRowResult> out = new ArrayList<>(rows.size());
        for (String[] cells : rows) {
            out.add(new DmlRowResult(false, "", false, error, new Row(cells, plan.width()).uploaded(plan.width())));
        }
        return out;
    }

    /*
     * The results, or null when the unique index refused a value and the batch must be redone in the next mode.
     *
     * The object's write lane covers the batch's statements, the caller's commit hook and the commit or rollback, so
     * a batch begins to write only once every batch of the object before it has committed or rolled back. A batch whose
     * outcome does not depend on the object's own records (BatchRun.resolvesWithoutOwnRecords: the optimistic insert
     * of a load) does everything it can before it takes the lane, while an earlier batch of the object writes and
     * commits on the other core: it resolves its rows, computes its results, lets the caller prepare them and binds
     * its INSERT's values (BatchRun.stage), so that in the lane it only sends them.
     */
    private List<DmlRowResult> attempt(List<String[]> rows, LocalDateTime now, BatchRun.Mode mode,
                                       BatchCommit commit) throws SQLException {
        boolean careful = mode == BatchRun.Mode.CAREFUL;
        BatchRun run = new BatchRun(database, plan, converter, layout, mode, now, rows);
        run.convert();
        boolean early = run.resolvesWithoutOwnRecords();
        Lock lane = database.writeLane(plan.type());
        boolean inLane = false;
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                List<DmlRowResult> results = null;
                if (early) {
                    run.resolve(c);
                    results = commit.prepare(run.results());
                    run.stage();
                    run.letRowsGo();
                }
                lane.lock();
                inLane = true;
                if (!early) {
                    run.resolve(c);
                }
                run.apply();
                if (!early) {
                    results = run.results();
                }
                commit.beforeCommit(c, results);
                c.commit();
                return results;
            } catch (StatementRunner.UniqueRace e) {
                c.rollback();
                if (careful) {
                    throw new SQLException("unique value clash in careful mode", e);
                }
                return null;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                try {
                    run.discardStaged();
                } finally {
                    c.setAutoCommit(true);
                    if (inLane) {
                        lane.unlock();
                    }
                }
            }
        }
    }
}
