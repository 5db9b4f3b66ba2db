package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.files.PrivateFiles;
import dev.kinetic.emulator.service.dml.BatchCommit;
import dev.kinetic.emulator.service.dml.DmlRowResult;
import dev.kinetic.emulator.state.BatchLog;
import dev.kinetic.emulator.state.CsvDialect;
import dev.kinetic.emulator.state.JobFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Makes one internal batch of an ingest job durable before anything about it is answered: before the batch's commit
 * it formats the batch's result rows and writes them to the batch's results file ({@link #prepare}, before the batch
 * takes its object's write lane when its outcome is known that early), and inside the batch's transaction it logs the
 * batch in the {@link BatchLog}; the commit then makes the records, the log entry and (already written) the result
 * rows durable together. Only afterwards does the runner append the rows to the job's result files and move its
 * counters. A batch that committed no records (every row failed to lock) is logged in a transaction of its own with
 * {@link #alone}. Confined to the thread running the batch.
 */
final class BatchJournal implements BatchCommit {
    private final BatchLog log;
    private final JobFiles files;
    private final CsvDialect dialect;
    private final String jobId;
    private final int batch;
    private byte[] successes;
    private byte[] failures;
    private long failed;
    private List<DmlRowResult> prepared;
    private List<DmlRowResult> logged;

    BatchJournal(BatchLog log, JobFiles files, CsvDialect dialect, String jobId, int batch) {
        this.log = log;
        this.files = files;
        this.dialect = dialect;
        this.jobId = jobId;
        this.batch = batch;
    }

    /**
     * Formats the batch's result rows and writes them to the batch's results file, replacing what an earlier attempt
     * left there. Harmless for a batch that then does not commit: nothing reads the file of a batch without a log
     * entry, and the batch's next attempt (or its run after a restart) writes it again.
     */
    @Override
    public void prepare(List<DmlRowResult> results) throws SQLException {
        format(results);
        try {
            PrivateFiles.createDirectories(files.batchResultsDir());
            try (OutputStream out = PrivateFiles.newOutputStream(files.batchResults(batch))) {
                out.write(successes);
                out.write(failures);
            }
        } catch (IOException e) {
            throw new SQLException("Cannot keep the result rows of batch " + batch + " of job " + jobId + " in "
                    + files.batchResults(batch) + ": " + e.getMessage(), e);
        }
        prepared = results;
    }

    /** Logs the batch in its transaction, after {@link #prepare} with these very results (which it runs if not). */
    @Override
    public void beforeCommit(Connection c, List<DmlRowResult> results) throws SQLException {
        if (prepared != results) {
            prepare(results);
        }
        log.record(c, jobId, new BatchLog.Entry(batch, results.size(), failed, successes.length, failures.length));
        logged = results;
    }

    /**
     * Whether the writer committed these results with their log entry: {@link #beforeCommit} ran with this very
     * outcome (a writer whose commit failed answers another one, such as every row failing to lock).
     */
    boolean logged(List<DmlRowResult> outcome) {
        return logged == outcome;
    }

    /** Logs a batch whose writer committed nothing, in a transaction of its own. */
    void alone(Database database, List<DmlRowResult> results) throws SQLException {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                beforeCommit(c, results);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The batch's successfulResults rows. */
    byte[] successes() {
        return successes;
    }

    /** The batch's failedResults rows. */
    byte[] failures() {
        return failures;
    }

    /** How many rows the batch has. */
    long rows() {
        return logged == null ? 0 : logged.size();
    }

    /** How many of the batch's rows failed. */
    long failed() {
        return failed;
    }

    // Each writer starts with room for its rows (a quote pair and a delimiter per value, a line ending per row), so
    // the buffer is not copied as it grows and each file's bytes are copied once, to an array of their exact size.
    private void format(List<DmlRowResult> results) {
        int okBytes = 0;
        int badBytes = 0;
        for (DmlRowResult r : results) {
            int row = 16 + (r.id() == null ? 0 : r.id().length()) + (r.success() ? 5 : r.error().length());
            for (String v : r.echoed()) {
                row += 3 + (v == null ? 0 : v.length());
            }
            if (r.success()) {
                okBytes += row;
            } else {
                badBytes += row;
            }
        }
        CsvWriter ok = new CsvWriter(dialect, okBytes);
        CsvWriter bad = new CsvWriter(dialect, badBytes);
        long failures = 0;
        for (DmlRowResult r : results) {
            CsvWriter w;
            if (r.success()) {
                w = ok.value(r.id(), true).value(r.created() ? "true" : "false", false);
            } else {
                failures++;
                w = bad.value(r.id() == null ? "" : r.id(), true).value(r.error(), false);
            }
            for (String v : r.echoed()) {
                w.value(v, false);
            }
            w.endRow();
        }
        this.successes = ok.drain();
        this.failures = bad.drain();
        this.failed = failures;
    }
}
