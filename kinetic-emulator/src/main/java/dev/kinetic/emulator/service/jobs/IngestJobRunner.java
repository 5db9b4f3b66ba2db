package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.service.dml.DmlBatchWriter;
import dev.kinetic.emulator.service.dml.DmlJobFailure;
import dev.kinetic.emulator.service.dml.DmlOperation;
import dev.kinetic.emulator.service.dml.DmlRequest;
import dev.kinetic.emulator.service.dml.DmlRowResult;
import dev.kinetic.emulator.state.BatchLog;
import dev.kinetic.emulator.state.CsvDialect;
import dev.kinetic.emulator.state.Job;
import dev.kinetic.emulator.state.JobFiles;
import dev.kinetic.emulator.state.JobInfo;
import dev.kinetic.emulator.state.JobState;
import dev.kinetic.emulator.state.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Processes one ingest job: checks the whole upload ({@link CsvScanner}), has the DML engine check the header, then
 * hands internal batches of {@value #BATCH_SIZE} rows to the worker pool. Each batch commits its records together
 * with its entry in the {@link BatchLog} and its result rows ({@link BatchJournal}); only then are its rows appended
 * to the result files and the counters moved, so nothing is answered that a kill could take back. Whole-job problems
 * fail the job with Salesforce's errorMessage and put every row in unprocessedrecords; an abort or a failed batch
 * stops the batches not yet started, and the job's result files are then rebuilt from the log: committed batches in
 * the results, every other row in unprocessedrecords. A stop without an abort (the org shutting down) leaves the job
 * InProgress; {@link #resume} carries on with it at the next start. Thread-safe.
 */
final class IngestJobRunner {
    static final int BATCH_SIZE = 10_000;

    private final OrgContext context;
    private final JobStore store;
    private final RowWriterFactory dml;
    private final ExecutorService workers;

    IngestJobRunner(OrgContext context, JobStore store, RowWriterFactory dml, ExecutorService workers) {
        this.context = context;
        this.store = store;
        this.dml = dml;
        this.workers = workers;
    }

    /** Runs the job on the calling (coordinator) thread, its batches on the worker pool. */
    void run(Job job) {
        job.running(true);
        try {
            if (store.update(job, j -> j.transition(JobState.UPLOAD_COMPLETE, JobState.IN_PROGRESS,
                    context.clock().instant()))) {
                process(job, false);
            }
        } finally {
            job.running(false);
        }
    }

    /**
     * After a restart, before anything is served: sets a job's counters to what its committed batches processed, so
     * that no counter answered before the stop is taken back.
     */
    void restoreCounters(Job job) {
        counters(job, store.batches().committed(job.id()));
    }

    private static void counters(Job job, SortedMap<Integer, BatchLog.Entry> committed) {
        job.counters(committed.values().stream().mapToLong(BatchLog.Entry::rows).sum(),
                committed.values().stream().mapToLong(BatchLog.Entry::failed).sum());
    }

    /** After a restart: carries on with a job that was InProgress, skipping the batches it had committed. */
    void resume(Job job) {
        job.running(true);
        try {
            if (job.info().state() == JobState.IN_PROGRESS && !job.stopRequested()) {
                process(job, true);
            }
        } finally {
            job.running(false);
        }
    }

    /**
     * After a restart: a job that ended while its result files were being finished (its batch results are still
     * there) gets them rebuilt from the log.
     */
    void settle(Job job) {
        JobFiles files = store.files(job.id());
        if (!Files.isDirectory(files.batchResultsDir())) {
            return;
        }
        try {
            CsvScanner.Plan plan = new CsvScanner(job.info().dialect(), BATCH_SIZE).scan(files.upload());
            ResultFiles.rebuild(files, job.info().dialect(), ResultFiles.header(files, plan, job.info().dialect()),
                    plan, store.batches().committed(job.id()), true);
            files.deleteBatchResults();
        } catch (IOException | CsvScanner.CsvProblem | RuntimeException e) {
            // The job keeps the result files it had; the batch results stay for the next attempt.
        }
    }

    private void process(Job job, boolean resuming) {
        JobInfo info = job.info();
        JobFiles files = store.files(info.id()).create();
        CsvScanner.Plan plan = null;
        List<String> header = List.of();
        try {
            if (!info.uploaded() || !Files.exists(files.upload())) {
                failWhole(job, files, "InvalidBatch : No data was uploaded to the job before it was closed; upload "
                        + "CSV with PUT …/batches before setting the state to UploadComplete", List.of());
                return;
            }
            try {
                plan = new CsvScanner(info.dialect(), BATCH_SIZE).scan(files.upload());
            } catch (CsvScanner.CsvProblem problem) {
                failWhole(job, files, problem.getMessage(), List.of());
                return;
            }
            header = ResultFiles.header(files, plan, info.dialect());
            SortedMap<Integer, BatchLog.Entry> committed = resuming ? store.batches().committed(info.id())
                    : Collections.emptySortedMap();
            DmlBatchWriter writer;
            try {
                writer = dml.prepare(new DmlRequest(info.object(), DmlOperation.fromApiName(info.operation())
                        .orElseThrow(), header, info.externalIdFieldName().orElse(null), info.createdById()));
            } catch (DmlJobFailure failure) {
                end(job, files, plan, header, failure.getMessage());
                return;
            }
            String failure;
            try (ResultFiles results = ResultFiles.open(files, info.dialect(), header, plan)) {
                results.restore(files, committed.values());
                counters(job, committed);
                failure = processBatches(job, files, plan, header.size(), writer, results, committed);
            }
            end(job, files, plan, header, failure);
        } catch (IOException | RuntimeException e) {
            String message = "Unknown : The local org could not process the job: " + e.getMessage();
            try {
                end(job, files, plan, header, message);
            } catch (IOException | RuntimeException again) {
                if (!shuttingDown(job)) {
                    store.update(job, j -> j.fail(message, context.clock().instant()));
                }
            }
        }
    }

    private String processBatches(Job job, JobFiles files, CsvScanner.Plan plan, int columns, DmlBatchWriter writer,
                                  ResultFiles results, SortedMap<Integer, BatchLog.Entry> committed) {
        int permits = context.config().workerThreads() + 1;
        Semaphore inFlight = new Semaphore(permits);
        AtomicReference<String> failure = new AtomicReference<>();
        List<long[]> batches = plan.batches();
        for (int b = 0; b < batches.size() && !stopped(job, failure); b++) {
            if (committed.containsKey(b)) {
                continue;
            }
            long[] range = batches.get(b);
            inFlight.acquireUninterruptibly();
            int number = b;
            try {
                workers.execute(() -> {
                    try {
                        runBatch(job, files, number, range, columns, writer, results, failure);
                    } finally {
                        inFlight.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                inFlight.release();
            }
        }
        inFlight.acquireUninterruptibly(permits);
        return failure.get();
    }

    private void runBatch(Job job, JobFiles files, int number, long[] range, int columns, DmlBatchWriter writer,
                          ResultFiles results, AtomicReference<String> failure) {
        if (stopped(job, failure)) {
            return; // Not started: in unprocessedrecords once the job ends, or processed when it resumes.
        }
        try {
            writer.pace();
        } catch (InterruptedException e) {
            // Only the pace is cut short: the batch runs as it would have without it, and the flag stays set for
            // whatever checks it next.
            Thread.currentThread().interrupt();
        }
        BatchJournal journal = new BatchJournal(store.batches(), files, job.info().dialect(), job.id(), number);
        try {
            List<DmlRowResult> outcome = writer.write(rows(files, range, columns, job.info().dialect()), journal);
            if (!journal.logged(outcome)) {
                journal.alone(context.database(), outcome);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            failure.compareAndSet(null, "Unknown : A batch of the job failed: " + e.getMessage());
            return;
        }
        // Durable from here on: the batch's records, its log entry and its result rows.
        try {
            results.restore(files, List.of(journal.entry()));
        } catch (IOException e) {
            failure.compareAndSet(null, "Unknown : The results of a batch could not be written: " + e.getMessage());
        }
        job.count(journal.rows(), journal.failed(), context.clock().instant());
    }

    // The rows of a batch, parsed from its bytes of the upload. The bytes (about a megabyte) are let go here, before
    // the batch waits for its object's write lane, so young collections do not copy and promote them.
    private static List<String[]> rows(JobFiles files, long[] range, int columns, CsvDialect dialect)
            throws IOException {
        byte[] bytes = ResultFiles.read(files.upload(), range);
        return new CsvRowParser(dialect).parse(bytes, bytes.length, columns);
    }

    // Ends a job whose batches have stopped: complete, failed (message) or aborted, unless the org is shutting down.
    private void end(Job job, JobFiles files, CsvScanner.Plan plan, List<String> header, String failure)
            throws IOException {
        if (shuttingDown(job)) {
            return; // Stays InProgress; resumes at the next start.
        }
        JobState state = job.info().state();
        if (failure != null || state == JobState.ABORTED || state == JobState.FAILED) {
            SortedMap<Integer, BatchLog.Entry> committed = store.batches().committed(job.id());
            ResultFiles.rebuild(files, job.info().dialect(), header, plan, committed, true);
            store.update(job, j -> {
                counters(j, committed);
                if (failure != null) {
                    j.fail(failure, context.clock().instant());
                }
                return true;
            });
        } else {
            store.update(job, j -> j.complete(context.clock().instant()));
        }
        files.deleteBatchResults();
    }

    // Not to be started: aborted, failed, another batch failed, or the org is shutting down.
    private static boolean stopped(Job job, AtomicReference<String> failure) {
        JobState s = job.info().state();
        return failure.get() != null || job.stopRequested() || s == JobState.ABORTED || s == JobState.FAILED;
    }

    // A stop that is not an abort: the org is closing and the job resumes at the next start.
    private static boolean shuttingDown(Job job) {
        return job.stopRequested() && !job.info().state().terminal();
    }

    private void failWhole(Job job, JobFiles files, String message, List<String> header) throws IOException {
        ResultFiles.writeWholeFailure(files, job.info().dialect(), header);
        store.update(job, j -> j.fail(message, context.clock().instant()));
    }
}
