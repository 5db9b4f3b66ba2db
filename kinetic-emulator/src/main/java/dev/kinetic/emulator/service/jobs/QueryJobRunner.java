package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.files.PrivateFiles;
import dev.kinetic.emulator.soql.PreparedQuery;
import dev.kinetic.emulator.soql.SoqlException;
import dev.kinetic.emulator.state.Job;
import dev.kinetic.emulator.state.JobFiles;
import dev.kinetic.emulator.state.JobInfo;
import dev.kinetic.emulator.state.JobState;
import dev.kinetic.emulator.state.JobStore;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a query job once (reading on the worker pool, in parallel parts when the query splits) into a spool CSV
 * (header plus rows, every value quoted, in the job's delimiter and line ending) and a sparse index of the byte
 * offset of every {@value #INDEX_STEP}th row, so that {@link QueryResults} serves any page by seeking instead of
 * re-running the query. Thread-safe.
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
     * Runs the job: a query that splits into parts reads them in parallel on the worker pool, each into its own file;
     * any other query reads rows on the worker pool while this (coordinator) thread writes them to the spool file,
     * through a {@link RowHandoff}.
     */
    void run(Job job) {
        if (!store.update(job, j -> j.transition(JobState.UPLOAD_COMPLETE, JobState.IN_PROGRESS,
                context.clock().instant()))) {
            return;
        }
        JobInfo info = job.info();
        JobFiles files = store.files(info.id()).create();
        try {
            PreparedQuery query = soql.prepare(info.query().orElseThrow(), info.operation().equals("queryAll"));
            List<PreparedQuery> parts = query.split(context.config().workerThreads());
            long rows = parts.size() == 1 ? pipelined(job, files, query) : inParts(job, files, query, parts);
            if (rows < 0) {
                store.save(job);
                return;
            }
            store.update(job, j -> {
                j.counters(rows, 0);
                return j.complete(context.clock().instant());
            });
        } catch (SoqlException e) {
            fail(job, e.errorCode() + " : " + e.getMessage());
        } catch (ExecutionException e) {
            fail(job, "Unknown : The query could not run: " + e.getCause().getMessage());
        } catch (IOException | SQLException | RuntimeException e) {
            fail(job, "Unknown : The query could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // One read on the worker pool handing rows to this thread, which writes them; -1 when the job was stopped.
    private long pipelined(Job job, JobFiles files, PreparedQuery query)
            throws IOException, InterruptedException, ExecutionException {
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
            return -1;
        }
        reader.get();
        return rows;
    }

    /*
     * Each part reads and writes its own file on the worker pool (two cores read H2 twice as fast as one); the parts
     * are then appended to the result in order, and the index gets one segment per part. -1 when the job was stopped.
     */
    private long inParts(Job job, JobFiles files, PreparedQuery query, List<PreparedQuery> parts)
            throws IOException, InterruptedException, ExecutionException {
        AtomicLong progress = new AtomicLong();
        AtomicBoolean abandoned = new AtomicBoolean();
        List<Future<QueryPart.Written>> futures = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            QueryPart part = new QueryPart(job, parts.get(i), files.queryPart(i), progress, abandoned);
            futures.add(workers.submit(part::write));
        }
        List<QueryIndex.Segment> segments = new ArrayList<>(parts.size());
        try (FileChannel out = PrivateFiles.open(files.queryResult(), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            CsvWriter header = new CsvWriter(job.info().dialect());
            header.header(query.columns(), List.of());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            header.flushTo(bytes);
            out.write(ByteBuffer.wrap(bytes.toByteArray()));
            long headerLength = bytes.size();
            long base = headerLength;
            long first = 0;
            for (int i = 0; i < futures.size(); i++) {
                QueryPart.Written written;
                try {
                    written = futures.get(i).get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof QueryPart.Stopped) {
                        return -1;
                    }
                    throw e;
                }
                Path file = files.queryPart(i);
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    long done = 0;
                    while (done < written.bytes()) {
                        done += in.transferTo(done, written.bytes() - done, out);
                    }
                }
                Files.delete(file);
                segments.add(new QueryIndex.Segment(first, written.rows(), base, written.offsets()));
                base += written.bytes();
                first += written.rows();
            }
            QueryIndex.write(files, headerLength, base, first, segments);
            return first;
        } finally {
            // After a failure or a stop the other parts end at their next row; never interrupt a thread inside H2.
            abandoned.set(true);
            for (int i = 0; i < futures.size(); i++) {
                futures.get(i).cancel(false);
                Files.deleteIfExists(files.queryPart(i));
            }
        }
    }

    // A stop without an abort is the org shutting down: the job stays InProgress and re-runs on restart.
    private void fail(Job job, String message) {
        if (!job.stopRequested()) {
            store.update(job, j -> j.fail(message, context.clock().instant()));
        }
    }

    // Writes the header and every row with the sparse index; returns the row count, or -1 when the job was stopped.
    private long write(Job job, JobFiles files, PreparedQuery query, RowHandoff handoff)
            throws IOException, InterruptedException {
        QueryIndex.Offsets offsets = new QueryIndex.Offsets();
        CsvWriter writer = new CsvWriter(job.info().dialect());
        try (OutputStream out = new BufferedOutputStream(PrivateFiles.newOutputStream(files.queryResult()),
                1 << 16)) {
            writer.header(query.columns(), List.of());
            long headerLength = writer.position();
            String[][] chunk;
            while ((chunk = handoff.take()).length > 0) {
                if (job.stopRequested()) {
                    return -1;
                }
                for (String[] values : chunk) {
                    offsets.row(writer.position());
                    writer.row(values);
                }
                if (writer.buffered() >= 1 << 16) {
                    writer.flushTo(out);
                }
                if (offsets.rows() % PROGRESS_STEP < RowHandoff.CHUNK) {
                    job.counters(offsets.rows(), 0);
                }
            }
            writer.flushTo(out);
            QueryIndex.write(files, headerLength, writer.position(), offsets.rows(),
                    List.of(new QueryIndex.Segment(0, offsets.rows(), 0, offsets.toArray())));
        }
        return offsets.rows();
    }
}
