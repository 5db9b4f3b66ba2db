package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkInterruptedException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.BulkTimeoutException;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.JobFailedException;
import dev.kinetic.core.bulk.JobState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs the chunks of one ingest call as jobs, up to parallelJobs at a time, and gathers them into one result.
 * {@link #checked} turns a result with a Failed or Aborted job into {@link JobFailedException}, for every call.
 */
final class IngestCall {
    private final IngestJobRunner runner;
    private final JobPoller poller;

    private final Executor executor;

    IngestCall(IngestJobRunner runner, JobPoller poller, Executor executor) {
        this.executor = executor;
        this.runner = runner;
        this.poller = poller;
    }

    /**
     * Uploads every chunk to its own job and, if the options say so, waits for the jobs; returns them in input
     * order as last seen. On failure the chunks' spool files are deleted and the exception names every job made.
     */
    List<BulkJob> run(String object, BulkOperation op, List<Chunk> chunks, CallOptions options) {
        AtomicLong uploaded = new AtomicLong();
        AtomicReferenceArray<BulkJob> submitted = new AtomicReferenceArray<>(chunks.size());
        try {
            if (chunks.size() == 1) {
                BulkJob job = runner.submit(object, op, chunks.get(0), options, uploaded);
                submitted.set(0, job);
                return List.of(options.waitForCompletion() ? poller.await(job, options) : job);
            }
            return runParallel(object, op, chunks, options, uploaded, submitted);
        } catch (BulkInterruptedException e) {
            chunks.forEach(c -> c.source().deleteSpool());
            throw new BulkInterruptedException(ids(submitted), (InterruptedException) e.getCause());
        } catch (RuntimeException e) {
            chunks.forEach(c -> c.source().deleteSpool());
            throw named(e, submitted);
        }
    }

    /** Throws {@link JobFailedException} with the result if a job ended Failed or Aborted, else returns it. */
    static BulkResult checked(DefaultBulkResult result) {
        for (BulkJob j : result.jobs()) {
            if (j.state().equals(JobState.FAILED) || j.state().equals(JobState.ABORTED)) {
                throw new JobFailedException(j, result);
            }
        }
        return result;
    }

    /**
     * Runs the chunks on the client's executor with at most parallelJobs workers, each taking the next chunk in
     * turn, so the bound holds on any executor (virtual threads included). Every chunk runs even when another
     * fails, so that each job made is known; the first failure in input order is thrown.
     */
    private List<BulkJob> runParallel(String object, BulkOperation op, List<Chunk> chunks, CallOptions options,
                                      AtomicLong uploaded, AtomicReferenceArray<BulkJob> submitted) {
        int workers = Math.min(options.parallelJobs(), chunks.size());
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<BulkJob> done = new AtomicReferenceArray<>(chunks.size());
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(chunks.size());
        List<FutureTask<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            FutureTask<Void> task = new FutureTask<>(() -> {
                for (int n = next.getAndIncrement(); n < chunks.size(); n = next.getAndIncrement()) {
                    try {
                        BulkJob job = runner.submit(object, op, chunks.get(n), options, uploaded);
                        submitted.set(n, job);
                        done.set(n, options.waitForCompletion() ? poller.await(job, options) : job);
                    } catch (RuntimeException e) {
                        failures.set(n, e);
                    }
                }
                return null;
            });
            tasks.add(task);
            executor.execute(task);
        }
        try {
            for (FutureTask<Void> t : tasks) {
                t.get();
            }
        } catch (InterruptedException e) {
            tasks.forEach(t -> t.cancel(true));
            Thread.currentThread().interrupt();
            throw new BulkInterruptedException(ids(submitted), e);
        } catch (ExecutionException e) {
            tasks.forEach(t -> t.cancel(true));
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new SalesforceException("An ingest job failed: " + c, c);
        }
        List<BulkJob> jobs = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            if (failures.get(i) != null) {
                throw failures.get(i);
            }
            jobs.add(done.get(i));
        }
        return jobs;
    }

    /**
     * A failure once jobs exist names them all (their state as last seen); jobs submitted by other threads are
     * included even when the failure came from one job alone.
     */
    private static RuntimeException named(RuntimeException e, AtomicReferenceArray<BulkJob> submitted) {
        List<BulkJob> jobs = new ArrayList<>();
        for (int i = 0; i < submitted.length(); i++) {
            if (submitted.get(i) != null) {
                jobs.add(submitted.get(i));
            }
        }
        if (e instanceof BulkJobException b) {
            for (BulkJob j : b.jobs()) {
                if (jobs.stream().noneMatch(k -> k.id().equals(j.id()))) {
                    jobs.add(j);
                }
            }
            return jobs.size() == b.jobs().size() ? b : new BulkJobException(b.getMessage() + "; also submitted: "
                    + jobs.stream().filter(j -> !b.jobIds().contains(j.id())).map(BulkJob::id).toList(), jobs, b);
        }
        if (jobs.isEmpty() || e instanceof JobFailedException || e instanceof BulkTimeoutException) {
            return e;
        }
        return BulkJobException.after(e, jobs);
    }

    private static String ids(AtomicReferenceArray<BulkJob> submitted) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < submitted.length(); i++) {
            BulkJob j = submitted.get(i);
            if (j != null) {
                ids.add(j.id());
            }
        }
        return String.join(",", ids);
    }
}
