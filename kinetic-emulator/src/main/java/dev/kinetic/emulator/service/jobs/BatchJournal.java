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
import java.util.AbstractList;
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
    private static final int FLUSH_AT = 1 << 16;

    private final BatchLog log;
    private final JobFiles files;
    private final CsvDialect dialect;
    private final String jobId;
    private final int batch;
    private long successBytes;
    private long failureBytes;
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
    public List<DmlRowResult> prepare(List<DmlRowResult> results) throws SQLException {
        try {
            PrivateFiles.createDirectories(files.batchResultsDir());
            try (OutputStream out = PrivateFiles.newOutputStream(files.batchResults(batch))) {
                write(results, out);
            }
        } catch (IOException e) {
            throw new SQLException("Cannot keep the result rows of batch " + batch + " of job " + jobId + " in "
                    + files.batchResults(batch) + ": " + e.getMessage(), e);
        }
        prepared = new Prepared(results.size());
        return prepared;
    }

    /** Logs the batch in its transaction, after {@link #prepare} with these very results (which it runs if not). */
    @Override
    public void beforeCommit(Connection c, List<DmlRowResult> results) throws SQLException {
        if (prepared != results) {
            prepare(results);
        }
        log.record(c, jobId, new BatchLog.Entry(batch, results.size(), failed, successBytes, failureBytes));
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

    /** The log entry of the batch: where its successfulResults and failedResults rows are in its results file. */
    BatchLog.Entry entry() {
        return new BatchLog.Entry(batch, rows(), failed, successBytes, failureBytes);
    }

    /** How many rows the batch has. */
    long rows() {
        return logged == null ? 0 : logged.size();
    }

    /** How many of the batch's rows failed. */
    long failed() {
        return failed;
    }

    /**
     * Stands in for the results of a batch once they are in its results file: only their number is kept (while the
     * batch waits for its object's write lane and commits, the results themselves would outlive young collections and
     * be copied and promoted).
     */
    private static final class Prepared extends AbstractList<DmlRowResult> {
        private final int size;

        Prepared(int size) {
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public DmlRowResult get(int index) {
            throw new UnsupportedOperationException("The results of a prepared batch are in its results file");
        }
    }

    // Formats the rows into the batch's results file: its successfulResults rows, then its failedResults rows. The
    // successes go to the file a block at a time as they are formatted, the failures (few, as a rule) collect in a
    // buffer written after them, and the journal keeps only the lengths: no array of the batch's size is on the heap
    // while the batch waits for its object's write lane and commits (held there, such arrays outlived young
    // collections and were copied and promoted).
    private void write(List<DmlRowResult> results, OutputStream out) throws IOException {
        CsvWriter ok = new CsvWriter(dialect, FLUSH_AT + (1 << 12));
        CsvWriter bad = new CsvWriter(dialect);
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
            if (ok.buffered() >= FLUSH_AT) {
                ok.flushTo(out);
            }
        }
        ok.flushTo(out);
        this.successBytes = ok.position();
        this.failureBytes = bad.buffered();
        this.failed = failures;
        bad.flushTo(out);
    }
}
