package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The writer of one prepared job: each {@link #write} is one transaction. When a concurrent batch saves a unique
 * value between our checks and our insert, the batch is rolled back and redone row by row, so exactly one of the
 * clashing rows wins and the other fails with DUPLICATE_VALUE. Thread-safe: it holds only immutable job state.
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
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        try {
            List<DmlRowResult> fast = attempt(rows, now, false);
            return fast != null ? fast : attempt(rows, now, true);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write a batch of " + rows.size() + " " + plan.type().name()
                    + " rows (" + plan.operation().apiName() + "): " + e.getMessage(), e);
        }
    }

    // The results, or null when fast mode met a concurrent unique value and the batch must be redone carefully.
    private List<DmlRowResult> attempt(List<String[]> rows, LocalDateTime now, boolean careful) throws SQLException {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                List<DmlRowResult> results = new BatchRun(database, plan, converter, layout, c, careful, now, rows)
                        .run();
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
                c.setAutoCommit(true);
            }
        }
    }
}
