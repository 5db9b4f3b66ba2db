package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.Sleeper;
import dev.kinetic.core.bulk.BulkInterruptedException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkOptions;
import dev.kinetic.core.bulk.BulkTimeoutException;
import dev.kinetic.core.bulk.JobKind;
import java.time.Duration;

/**
 * Waits for a job to end: polls with back-off (first interval × multiplier, capped), reports each snapshot to
 * onProgress, and gives up at the timeout (leaving the job running). Time waited counts both real time and the
 * sleeper's requested time, so tests with a sleeper that returns at once still reach the timeout.
 */
final class JobPoller {
    private final JobApi api;
    private final Sleeper sleeper;

    JobPoller(JobApi api, Sleeper sleeper) {
        this.api = api;
        this.sleeper = sleeper;
    }

    BulkJob await(JobKind kind, String jobId, BulkOptions options) {
        long startNanos = System.nanoTime();
        Duration slept = Duration.ZERO;
        Duration interval = options.pollInterval();
        while (true) {
            BulkJob job = api.get(kind, jobId);
            options.onProgress().accept(job);
            if (job.isTerminal()) {
                return job;
            }
            Duration real = Duration.ofNanos(System.nanoTime() - startNanos);
            Duration waited = real.compareTo(slept) > 0 ? real : slept;
            Duration wait = interval;
            if (options.timeout().isPresent()) {
                Duration left = options.timeout().get().minus(waited);
                if (left.isNegative() || left.isZero()) {
                    throw new BulkTimeoutException(job, waited);
                }
                if (left.compareTo(wait) < 0) {
                    wait = left;
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BulkInterruptedException(jobId, e);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new BulkInterruptedException(jobId, new InterruptedException());
            }
            slept = slept.plus(wait);
            long next = (long) (interval.toMillis() * options.pollBackoffMultiplier());
            interval = Duration.ofMillis(Math.min(next, options.maxPollInterval().toMillis()));
        }
    }
}
