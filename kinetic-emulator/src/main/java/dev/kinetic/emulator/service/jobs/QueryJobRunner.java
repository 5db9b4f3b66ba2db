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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs a query job once (reading on the worker pool, writing on the coordinator thread) into a spool CSV (header plus rows, every value quoted, in the job's
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

    /**
     * Runs the job: the query reads rows on the worker pool while this (coordinator) thread writes them to the spool
     * file, through a {@link RowHandoff}.
     */
    void run(Job job) {
        if (!job.transition(JobState.UPLOAD_COMPLETE, JobState.IN_PROGRESS, context.clock().instant())) {
            return;
        }
        store.save(job);
        JobInfo info = job.info();
        JobFiles files = store.files(info.id()).create();
        try {
            PreparedQuery query = soql.prepare(info.query().orElseThrow(), info.operation().equals("queryAll"));
            RowHandoff handoff = new RowHandoff();
            Future<Long> reader = workers.submit(() -> {
                try {
                    long n = query.run(handoff);
                    handoff.finish();
                    return n;
                } catch (Exception | Error e) {
                    handoff.fail();
                    throw e;
                }
            });
            long rows;
            try {
                rows = write(job, files, query, handoff);
            } catch (IOException | RuntimeException | InterruptedException e) {
                handoff.cancel();
                throw e;
            }
            if (rows < 0) {
                handoff.cancel();
                store.save(job);
                return;
            }
            reader.get();
            job.counters(rows, 0);
            if (job.complete(context.clock().instant())) {
                store.save(job);
            }
        } catch (SoqlException e) {
            fail(job, e.errorCode() + " : " + e.getMessage());
        } catch (ExecutionException e) {
            fail(job, "Unknown : The query could not run: " + e.getCause().getMessage());
        } catch (IOException | RuntimeException e) {
            fail(job, "Unknown : The query could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // A stop without an abort is the org shutting down: the job stays InProgress and re-runs on restart.
    private void fail(Job job, String message) {
        if (!job.stopRequested() && job.fail(message, context.clock().instant())) {
            store.save(job);
        }
    }

    // Writes the header and every row with the sparse index; returns the row count, or -1 when the job was stopped.
    private long write(Job job, JobFiles files, PreparedQuery query, RowHandoff handoff)
            throws IOException, InterruptedException {
        long[] index = new long[64];
        long count = 0;
        CsvWriter writer = new CsvWriter(job.info().dialect());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(files.queryResult()), 1 << 16)) {
            writer.header(query.columns(), List.of());
            long headerLength = writer.position();
            String[][] chunk;
            while ((chunk = handoff.take()).length > 0) {
                if (job.stopRequested()) {
                    return -1;
                }
                for (String[] values : chunk) {
                    if (count % INDEX_STEP == 0) {
                        int slot = (int) (count / INDEX_STEP);
                        if (slot == index.length) {
                            index = Arrays.copyOf(index, slot * 2);
                        }
                        index[slot] = writer.position();
                    }
                    for (int i = 0; i < values.length; i++) {
                        writer.value(values[i], i == 0);
                    }
                    writer.endRow();
                    count++;
                }
                if (writer.buffered() >= 1 << 16) {
                    writer.flushTo(out);
                }
                if (count % PROGRESS_STEP < RowHandoff.CHUNK) {
                    job.counters(count, 0);
                }
            }
            writer.flushTo(out);
            writeIndex(files, headerLength, writer.position(), count, index);
        }
        return count;
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
