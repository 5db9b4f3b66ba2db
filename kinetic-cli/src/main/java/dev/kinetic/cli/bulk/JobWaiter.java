package dev.kinetic.cli.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Polls a job until it is over or the time runs out, backing off between polls. Giving up never aborts the job.
 * Not thread-safe.
 */
public final class JobWaiter {
    /** Pauses between polls; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /** Pauses for the given time. */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Reads a job's current state; {@link JobsApi#get(String, boolean)} in production. */
    @FunctionalInterface
    public interface JobReader {
        /** The job's current info. */
        JobInfo read(String jobId, boolean query);
    }

    private final JobReader jobs;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration firstInterval;
    private final Duration maxInterval;

    /**
     * @param jobs          how to read a job
     * @param clock         the clock for the deadline
     * @param sleeper       how to pause between polls
     * @param firstInterval the first pause; each next one is 1.5 times longer
     * @param maxInterval   the longest pause
     */
    public JobWaiter(JobReader jobs, Clock clock, Sleeper sleeper, Duration firstInterval, Duration maxInterval) {
        this.jobs = jobs;
        this.clock = clock;
        this.sleeper = sleeper;
        this.firstInterval = firstInterval;
        this.maxInterval = maxInterval;
    }

    /**
     * Polls until the job is over.
     *
     * @param jobId    the job
     * @param query    whether it is a query job
     * @param timeout  how long to wait at most; empty means no limit
     * @param progress called with every poll's JobInfo
     * @return the final JobInfo, or empty if the time ran out (the job keeps running)
     */
    public Optional<JobInfo> await(String jobId, boolean query, Optional<Duration> timeout,
                                   Consumer<JobInfo> progress) {
        Instant deadline = timeout.map(t -> clock.instant().plus(t)).orElse(Instant.MAX);
        Duration interval = firstInterval;
        while (true) {
            JobInfo job = jobs.read(jobId, query);
            progress.accept(job);
            if (job.terminal()) {
                return Optional.of(job);
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                return Optional.empty();
            }
            Duration left = Duration.between(now, deadline);
            try {
                sleeper.sleep(left.compareTo(interval) < 0 ? left : interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            interval = Duration.ofMillis(Math.min(maxInterval.toMillis(), (long) (interval.toMillis() * 1.5)));
        }
    }
}
