package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.service.dml.DmlBatchWriter;
import dev.kinetic.emulator.service.dml.DmlJobFailure;
import dev.kinetic.emulator.service.dml.DmlOperation;
import dev.kinetic.emulator.service.dml.DmlRequest;
import dev.kinetic.emulator.service.dml.DmlRowResult;
import dev.kinetic.emulator.state.Job;
import dev.kinetic.emulator.state.JobFiles;
import dev.kinetic.emulator.state.JobInfo;
import dev.kinetic.emulator.state.JobState;
import dev.kinetic.emulator.state.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Processes one ingest job: checks the whole upload ({@link CsvScanner}), has the DML engine check the header, then
 * hands internal batches of {@value #BATCH_SIZE} rows to the worker pool, writing result rows and moving the counters
 * as each batch finishes. Whole-job problems fail the job with Salesforce's errorMessage and put every row in
 * unprocessedrecords; an abort stops the batches not yet started, whose rows go to unprocessedrecords. Thread-safe.
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
            if (job.transition(JobState.UPLOAD_COMPLETE, JobState.IN_PROGRESS, context.clock().instant())) {
                store.save(job);
                process(job);
            }
        } finally {
            job.running(false);
        }
    }

    private void process(Job job) {
        JobInfo info = job.info();
        JobFiles files = store.files(info.id()).create();
        try {
            if (!info.uploaded() || !Files.exists(files.upload())) {
                failWhole(job, files, "InvalidBatch : No data was uploaded to the job before it was closed; upload "
                        + "CSV with PUT …/batches before setting the state to UploadComplete", List.of());
                return;
            }
            CsvScanner.Plan plan;
            try {
                plan = new CsvScanner(info.dialect(), BATCH_SIZE).scan(files.upload());
            } catch (CsvScanner.CsvProblem problem) {
                failWhole(job, files, problem.getMessage(), List.of());
                return;
            }
            ResultFiles.writePlan(files, plan);
            List<String> header = ResultFiles.header(files, plan, info.dialect());
            DmlBatchWriter writer;
            try {
                writer = dml.prepare(new DmlRequest(info.object(), DmlOperation.fromApiName(info.operation())
                        .orElseThrow(), header, info.externalIdFieldName().orElse(null), info.createdById()));
            } catch (DmlJobFailure failure) {
                failWhole(job, files, failure.getMessage(), header);
                return;
            }
            try (ResultFiles results = ResultFiles.open(files, info.dialect(), header)) {
                processBatches(job, files, plan, header.size(), writer, results);
            }
            // A stop without an abort is the org shutting down: the job stays InProgress for recovery.
            if (!job.stopRequested() && job.complete(context.clock().instant())) {
                store.save(job);
            }
        } catch (IOException | RuntimeException e) {
            if (job.fail("Unknown : The local org could not process the job: " + e.getMessage(),
                    context.clock().instant())) {
                store.save(job);
            }
        }
    }

    private void processBatches(Job job, JobFiles files, CsvScanner.Plan plan, int columns, DmlBatchWriter writer,
                                ResultFiles results) throws IOException {
        int permits = context.config().workerThreads() + 1;
        Semaphore inFlight = new Semaphore(permits);
        List<long[]> batches = plan.batches();
        for (int b = 0; b < batches.size(); b++) {
            long[] range = batches.get(b);
            if (stopped(job)) {
                results.unprocessed(files, range);
                continue;
            }
            inFlight.acquireUninterruptibly();
            int number = b;
            try {
                workers.execute(() -> {
                    try {
                        runBatch(job, files, number, range, columns, writer, results);
                    } finally {
                        inFlight.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                inFlight.release();
                results.unprocessed(files, range);
            }
        }
        inFlight.acquireUninterruptibly(permits);
    }

    private void runBatch(Job job, JobFiles files, int number, long[] range, int columns, DmlBatchWriter writer,
                          ResultFiles results) {
        try {
            if (stopped(job)) {
                results.unprocessed(files, range);
                return;
            }
            byte[] bytes = ResultFiles.read(files.upload(), range);
            List<String[]> rows = new CsvRowParser(job.info().dialect()).parse(bytes, bytes.length, columns);
            List<DmlRowResult> outcome = writer.write(rows);
            long failed = results.write(outcome);
            results.done(files, number);
            job.count(outcome.size(), failed, context.clock().instant());
            store.save(job);
        } catch (IOException | RuntimeException e) {
            try {
                results.unprocessed(files, range);
            } catch (IOException ignored) {
                // The job fails below either way.
            }
            if (!job.stopRequested() && job.fail("Unknown : A batch of the job failed: " + e.getMessage(), context.clock().instant())) {
                store.save(job);
            }
        }
    }

    private static boolean stopped(Job job) {
        JobState s = job.info().state();
        return job.stopRequested() || s == JobState.ABORTED || s == JobState.FAILED;
    }

    private void failWhole(Job job, JobFiles files, String message, List<String> header) throws IOException {
        ResultFiles.writeWholeFailure(files, job.info().dialect(), header);
        if (job.fail(message, context.clock().instant())) {
            store.save(job);
        }
    }

    /** Writes the remaining rows of a job that was in progress when the org stopped, then fails it. */
    void failInterrupted(Job job) {
        JobFiles files = store.files(job.id());
        try {
            ResultFiles.recoverUnprocessed(files, job.info().dialect());
        } catch (IOException e) {
            // Best effort: the job fails anyway.
        }
        if (job.fail("Unknown : The local org stopped while the job was in progress; the rows it had not "
                + "processed are in unprocessedrecords", context.clock().instant())) {
            store.save(job);
        }
    }
}
