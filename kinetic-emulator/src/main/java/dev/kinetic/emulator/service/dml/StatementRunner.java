package dev.kinetic.emulator.service.dml;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one statement for many rows. Fast mode sends them as one JDBC batch; a unique-index violation there (another
 * batch saved the same value after our checks) throws {@link UniqueRace} so the whole batch is redone carefully.
 * Careful mode runs row by row under a savepoint and fails just the clashing row with DUPLICATE_VALUE. Confined to
 * the thread writing the batch.
 */
final class StatementRunner {
    /** Signals a unique-index violation in fast mode: roll back and redo the batch carefully. */
    static final class UniqueRace extends Exception {
        private static final long serialVersionUID = 1L;

        UniqueRace() {
            super("unique index violated by a concurrent batch", null, false, false);
        }
    }

    /** Sets a row's parameters on the statement. */
    interface Binder {
        void bind(PreparedStatement ps, Row row) throws SQLException;
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection connection;
    private final boolean careful;
    private final Function<Row, String> duplicateError;

    StatementRunner(Connection connection, boolean careful, Function<Row, String> duplicateError) {
        this.connection = connection;
        this.careful = careful;
        this.duplicateError = duplicateError;
    }

    /**
     * A fast-mode statement with every row bound and added to its JDBC batch, not yet sent: {@link #execute} runs it,
     * {@link #close} drops it (run or not).
     */
    static final class Batch implements AutoCloseable {
        private final PreparedStatement ps;

        private Batch(PreparedStatement ps) {
            this.ps = ps;
        }

        /** Sends the rows, as {@link StatementRunner#run} does in fast mode. */
        void execute() throws SQLException, UniqueRace {
            try {
                ps.executeBatch();
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    throw new UniqueRace();
                }
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            ps.close();
        }
    }

    /** Binds the rows (at least one) for a fast-mode run without sending them; the caller closes the batch. */
    Batch bind(String sql, List<Row> rows, Binder binder) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (Row r : rows) {
                binder.bind(ps, r);
                ps.addBatch();
            }
            return new Batch(ps);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    void run(String sql, List<Row> rows, Binder binder) throws SQLException, UniqueRace {
        if (rows.isEmpty()) {
            return;
        }
        if (!careful) {
            try (Batch batch = bind(sql, rows, binder)) {
                batch.execute();
            }
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Row r : rows) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    binder.bind(ps, r);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!isUniqueViolation(e)) {
                        throw e;
                    }
                    connection.rollback(savepoint);
                    r.fail(duplicateError.apply(r));
                }
            }
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
            if (t instanceof BatchUpdateException b && b.getNextException() != null
                    && UNIQUE_VIOLATION.equals(b.getNextException().getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
