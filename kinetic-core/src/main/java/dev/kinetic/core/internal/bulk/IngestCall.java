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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs the chunks of one ingest call as jobs, up to parallelJobs at a time, and gathers them into one result.
 * {@link #checked} turns a result with a Failed or Aborted job into {@link JobFailedException}, for every call.
 */
final class IngestCall {
    private final IngestJobRunner runner;
    private final JobPoller poller;

    IngestCall(IngestJobRunner runner, JobPoller poller) {
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

    private List<BulkJob> runParallel(String object, BulkOperation op, List<Chunk> chunks, CallOptions options,
                                      AtomicLong uploaded, AtomicReferenceArray<BulkJob> submitted) {
        int threads = Math.min(options.parallelJobs(), chunks.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kinetic-ingest");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BulkJob>> futures = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    BulkJob job = runner.submit(object, op, chunks.get(n), options, uploaded);
                    submitted.set(n, job);
                    return options.waitForCompletion() ? poller.await(job, options) : job;
                }));
            }
            List<BulkJob> jobs = new ArrayList<>();
            RuntimeException first = null;
            for (Future<BulkJob> f : futures) {
                try {
                    jobs.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    RuntimeException r = c instanceof RuntimeException re ? re
                            : new SalesforceException("An ingest job failed: " + c, c);
                    if (first == null) {
                        first = r;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            return jobs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulkInterruptedException(ids(submitted), e);
        } finally {
            pool.shutdownNow();
        }
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
