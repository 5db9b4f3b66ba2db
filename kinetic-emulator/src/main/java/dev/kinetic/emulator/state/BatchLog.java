package dev.kinetic.emulator.state;

import dev.kinetic.emulator.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The record of every committed internal batch of the ingest jobs, in the H2 table {@code KINETIC_BULK_BATCH}: one
 * row per batch, inserted in the same transaction as the batch's record writes, so a batch is either applied and
 * logged or neither. With the row counts and the lengths of the batch's result rows (kept in
 * {@link JobFiles#batchResults(int)}, written before the commit), a restart knows which batches not to apply again
 * and can restore their result rows exactly once. Thread-safe.
 */
public final class BatchLog {
    private static final String TABLE = "KINETIC_BULK_BATCH";

    private final Database database;

    /**
     * One committed batch.
     *
     * @param batch the batch number (0-based, in upload order)
     * @param rows rows processed
     * @param failed rows that failed
     * @param successBytes length of the batch's successfulResults rows at the start of its results file
     * @param failureBytes length of its failedResults rows, which follow
     */
    public record Entry(int batch, long rows, long failed, long successBytes, long failureBytes) {
    }

    /** @param database the org's database; the table is created if missing */
    public BatchLog(Database database) {
        this.database = database;
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (JOB_ID CHAR(18) NOT NULL, BATCH_NO INT NOT NULL, "
                    + "ROWS_DONE BIGINT NOT NULL, ROWS_FAILED BIGINT NOT NULL, SUCCESS_BYTES BIGINT NOT NULL, "
                    + "FAILURE_BYTES BIGINT NOT NULL, PRIMARY KEY (JOB_ID, BATCH_NO))");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the bulk batch table: " + e.getMessage(), e);
        }
    }

    /**
     * Logs a batch inside the caller's transaction (the one that applies the batch's rows).
     *
     * @throws SQLException when the insert fails (the caller rolls the batch back); a second entry for the same
     *     batch is refused by the primary key
     */
    public void record(Connection c, String jobId, Entry e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, jobId);
            s.setInt(2, e.batch());
            s.setLong(3, e.rows());
            s.setLong(4, e.failed());
            s.setLong(5, e.successBytes());
            s.setLong(6, e.failureBytes());
            s.executeUpdate();
        }
    }

    /** The committed batches of a job, by batch number. */
    public SortedMap<Integer, Entry> committed(String jobId) {
        SortedMap<Integer, Entry> out = new TreeMap<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT BATCH_NO, ROWS_DONE, ROWS_FAILED, SUCCESS_BYTES, FAILURE_BYTES FROM " + TABLE
                        + " WHERE JOB_ID = ?")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Entry e = new Entry(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                    out.put(e.batch(), e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the batches of bulk job " + jobId + ": " + e.getMessage(),
                    e);
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** Forgets a job's batches (the job is deleted). */
    void delete(String jobId) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM " + TABLE + " WHERE JOB_ID = ?")) {
            s.setString(1, jobId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete the batches of bulk job " + jobId + ": " + e.getMessage(),
                    e);
        }
    }
}
