package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.soql.PreparedQuery;
import dev.kinetic.emulator.soql.SoqlException;
import dev.kinetic.emulator.state.Job;
import dev.kinetic.emulator.state.JobFiles;
import dev.kinetic.emulator.state.JobInfo;
import dev.kinetic.emulator.state.JobState;
import dev.kinetic.emulator.state.JobStore;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a query job once, on the worker pool, into a spool CSV (header plus rows, every value quoted, in the job's
 * delimiter and line ending) and a sparse index of the byte offset of every {@value #INDEX_STEP}th row, so that
 * {@link QueryResults} serves any page by seeking instead of re-running the query. Thread-safe.
 */
final class QueryJobRunner {
    static final int INDEX_STEP = 1000;
    private static final int PROGRESS_STEP = 10_000;

    private final OrgContext context;
    private final JobStore store;
    private final QueryPlanner soql;
    private final ExecutorService workers;

    QueryJobRunner(OrgContext context, JobStore store, QueryPlanner soql, ExecutorService workers) {
        this.context = context;
        this.store = store;
        this.soql = soql;
        this.workers = workers;
    }

    /** Starts the job on the worker pool and waits for it (called on a coordinator thread). */
    void run(Job job) {
        if (!job.transition(JobState.UPLOAD_COMPLETE, JobState.IN_PROGRESS, context.clock().instant())) {
            return;
        }
        store.save(job);
        Future<?> done = workers.submit(() -> execute(job));
        try {
            done.get();
        } catch (Exception e) {
            if (job.fail("Unknown : The query could not run: " + e.getMessage(), context.clock().instant())) {
                store.save(job);
            }
        }
    }

    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private void execute(Job job) {
        JobInfo info = job.info();
        JobFiles files = store.files(info.id()).create();
        try {
            PreparedQuery query = soql.prepare(info.query().orElseThrow(), info.operation().equals("queryAll"));
            long[][] index = {new long[64]};
            long[] count = {0};
            CsvWriter writer = new CsvWriter(info.dialect());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(files.queryResult()), 1 << 16)) {
                writer.header(query.columns(), java.util.List.of());
                long headerLength = writer.position();
                query.run(values -> {
                    long n = count[0];
                    if (n % INDEX_STEP == 0) {
                        int slot = (int) (n / INDEX_STEP);
                        if (slot == index[0].length) {
                            index[0] = Arrays.copyOf(index[0], slot * 2);
                        }
                        index[0][slot] = writer.position();
                        if (job.stopRequested()) {
                            throw new Stopped();
                        }
                    }
                    for (int i = 0; i < values.length; i++) {
                        writer.value(values[i], i == 0);
                    }
                    writer.endRow();
                    count[0] = n + 1;
                    if (writer.buffered() >= 1 << 16) {
                        writer.flushTo(out);
                    }
                    if (count[0] % PROGRESS_STEP == 0) {
                        job.counters(count[0], 0);
                    }
                });
                writer.flushTo(out);
                writeIndex(files, headerLength, writer.position(), count[0], index[0]);
            }
            job.counters(count[0], 0);
            if (job.complete(context.clock().instant())) {
                store.save(job);
            }
        } catch (Stopped stopped) {
            store.save(job);
        } catch (SoqlException e) {
            if (job.fail(e.errorCode() + " : " + e.getMessage(), context.clock().instant())) {
                store.save(job);
            }
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            if (job.fail("Unknown : The query could not run: " + e.getMessage(), context.clock().instant())) {
                store.save(job);
            }
        }
    }

    private static void writeIndex(JobFiles files, long headerLength, long fileLength, long rows, long[] offsets)
            throws IOException {
        int slots = (int) ((rows + INDEX_STEP - 1) / INDEX_STEP);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(files.queryIndex())))) {
            out.writeLong(headerLength);
            out.writeLong(fileLength);
            out.writeLong(rows);
            out.writeInt(slots);
            for (int i = 0; i < slots; i++) {
                out.writeLong(offsets[i]);
            }
        }
    }
}
