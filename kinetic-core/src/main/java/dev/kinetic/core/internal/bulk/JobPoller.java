package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.Sleeper;
import dev.kinetic.core.bulk.BulkInterruptedException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.BulkTimeoutException;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.JobStateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Waits for a job to end: polls with back-off (first interval × multiplier, capped), reports each snapshot to
 * onProgress, and gives up at the timeout (leaving the job running). Time waited counts both real time and the
 * sleeper's requested time, so tests with a sleeper that returns at once still reach the timeout. A job whose state
 * goes backwards (e.g. {@code UploadComplete} to {@code Open}), or that does not move (state and processed count) for
 * the stall timeout measured with the client's clock, throws {@link JobStateException}; any other failure while
 * polling throws {@link BulkJobException} naming the job as last seen.
 */
final class JobPoller {
    private final JobApi api;
    private final Sleeper sleeper;
    private final Clock clock;

    JobPoller(JobApi api, Sleeper sleeper, Clock clock) {
        this.api = api;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Waits for the job, starting from the snapshot the caller last saw. */
    BulkJob await(BulkJob lastSeen, CallOptions options) {
        BulkJob[] seen = {lastSeen};
        try {
            return poll(seen, options);
        } catch (BulkTimeoutException | BulkInterruptedException | BulkJobException e) {
            throw e;
        } catch (SalesforceException | java.io.UncheckedIOException e) {
            throw BulkJobException.after(e, List.of(seen[0]));
        }
    }

    private BulkJob poll(BulkJob[] seen, CallOptions options) {
        long startNanos = System.nanoTime();
        Duration slept = Duration.ZERO;
        Duration interval = options.pollInterval();
        Instant lastMove = clock.instant();
        String jobId = seen[0].id();
        while (true) {
            BulkJob previous = seen[0];
            BulkJob job = api.get(previous.kind(), jobId);
            if (rank(job.state()) < rank(previous.state())) {
                throw new JobStateException("Job " + jobId + " went from " + previous.state().name() + " back to "
                        + job.state().name() + " (as after a server restart that lost its progress); the client "
                        + "stopped waiting rather than wait for a job that may never end", job, false);
            }
            seen[0] = job;
            options.onProgress().accept(job);
            if (job.isTerminal()) {
                return job;
            }
            Instant now = clock.instant();
            if (!job.state().equals(previous.state())
                    || !job.numberRecordsProcessed().equals(previous.numberRecordsProcessed())) {
                lastMove = now;
            } else if (options.stallTimeout().isPresent()
                    && Duration.between(lastMove, now).compareTo(options.stallTimeout().get()) >= 0) {
                throw new JobStateException("Job " + jobId + " has not moved for " + Duration.between(lastMove, now)
                        + " (still " + job.state().name() + ", " + job.numberRecordsProcessed().orElse(0) + " rows processed; "
                        + "stallTimeout " + options.stallTimeout().get() + ")", job, true);
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

    /** How far along a state is; a job only ever moves up. Unknown states rank with InProgress. */
    private static int rank(JobState s) {
        if (s.equals(JobState.OPEN)) {
            return 0;
        }
        if (s.equals(JobState.UPLOAD_COMPLETE)) {
            return 1;
        }
        return s.isTerminal() ? 3 : 2;
    }
}
