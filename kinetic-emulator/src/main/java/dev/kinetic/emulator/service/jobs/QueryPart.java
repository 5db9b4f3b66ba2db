package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.files.PrivateFiles;
import dev.kinetic.emulator.soql.PreparedQuery;
import dev.kinetic.emulator.soql.RowSink;
import dev.kinetic.emulator.state.Job;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One part of a query job read in parts: runs its range query and writes the rows (no header) to its own file, with
 * the offset of every {@value QueryJobRunner#INDEX_STEP}th row from the start of the file. It moves the job's row
 * counter as it goes and ends early, with {@link Stopped}, when the job is stopped or another part failed. Confined
 * to the worker thread that runs it.
 */
final class QueryPart implements RowSink {
    private static final int PROGRESS_STEP = 10_000;

    /** What a part wrote: its row count, its byte count and the sparse offsets of its rows. */
    record Written(long rows, long bytes, long[] offsets) {
    }

    /** The part ended early because the job was stopped or another part failed. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private final Job job;
    private final PreparedQuery query;
    private final Path file;
    private final AtomicLong progress;
    private final AtomicBoolean abandoned;
    private final CsvWriter writer;
    private final QueryIndex.Offsets offsets = new QueryIndex.Offsets();
    private OutputStream out;

    QueryPart(Job job, PreparedQuery query, Path file, AtomicLong progress, AtomicBoolean abandoned) {
        this.job = job;
        this.query = query;
        this.file = file;
        this.progress = progress;
        this.abandoned = abandoned;
        this.writer = new CsvWriter(job.info().dialect());
    }

    /** Runs the part's query into its file. */
    Written write() throws IOException, SQLException {
        try (OutputStream o = new BufferedOutputStream(PrivateFiles.newOutputStream(file), 1 << 16)) {
            out = o;
            query.run(this);
            writer.flushTo(o);
        }
        job.counters(progress.addAndGet(offsets.rows() % PROGRESS_STEP), 0);
        return new Written(offsets.rows(), writer.position(), offsets.toArray());
    }

    @Override
    public void row(String[] values) throws IOException {
        long rows = offsets.rows();
        if (rows % QueryJobRunner.INDEX_STEP == 0 && (abandoned.get() || job.stopRequested())) {
            throw new Stopped();
        }
        offsets.row(writer.position());
        writer.row(values);
        if (writer.buffered() >= 1 << 16) {
            writer.flushTo(out);
        }
        if ((rows + 1) % PROGRESS_STEP == 0) {
            job.counters(progress.addAndGet(PROGRESS_STEP), 0);
        }
    }
}
