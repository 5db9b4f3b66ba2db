package dev.kinetic.emulator.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One job's live, mutable metadata. The fixed parts come from create; state, counters and timestamps change as the
 * job runs. Thread-safe: every method locks the job.
 */
public final class Job {
    private JobInfo info;
    private int polls;
    private Instant readyAt;
    private long startedNanos;
    private boolean uploading;
    private boolean running;
    private volatile boolean stopRequested;

    /** @param info the job as created */
    public Job(JobInfo info) {
        this.info = Objects.requireNonNull(info, "info == null");
    }

    /** The current snapshot. */
    public synchronized JobInfo info() {
        return info;
    }

    /** The job id. */
    public String id() {
        return info.id();
    }

    /** Moves to a state, stamping systemModstamp. */
    public synchronized JobInfo state(JobState state, Instant now) {
        info = copy(state, now, info.processed(), info.failed(), info.totalProcessingTime(), info.errorMessage(),
                info.uploaded());
        return info;
    }

    /** Moves from {@code expected} to {@code next}; false when the job was not in {@code expected}. */
    public synchronized boolean transition(JobState expected, JobState next, Instant now) {
        if (info.state() != expected) {
            return false;
        }
        state(next, now);
        if (next == JobState.IN_PROGRESS) {
            startedNanos = System.nanoTime();
        }
        return true;
    }

    /** Fails the job with Salesforce's errorMessage unless it already ended. */
    public synchronized boolean fail(String errorMessage, Instant now) {
        if (info.state().terminal()) {
            return false;
        }
        info = copy(JobState.FAILED, now, info.processed(), info.failed(), elapsed(), Optional.of(errorMessage),
                info.uploaded());
        return true;
    }

    /** Completes the job unless it already ended (an abort wins). */
    public synchronized boolean complete(Instant now) {
        if (info.state().terminal()) {
            return false;
        }
        info = copy(JobState.JOB_COMPLETE, now, info.processed(), info.failed(), elapsed(), info.errorMessage(),
                info.uploaded());
        return true;
    }

    /** Adds finished rows to the counters. */
    public synchronized void count(long processed, long failed, Instant now) {
        info = copy(info.state(), now, info.processed() + processed, info.failed() + failed, elapsed(),
                info.errorMessage(), info.uploaded());
    }

    /** Sets the counters outright (a query's row count, a restart). */
    public synchronized void counters(long processed, long failed) {
        info = copy(info.state(), info.systemModstamp(), processed, failed, info.totalProcessingTime(),
                info.errorMessage(), info.uploaded());
    }

    /** Claims the job's single upload; false when another upload is running or done. */
    public synchronized boolean beginUpload() {
        if (uploading || info.uploaded()) {
            return false;
        }
        uploading = true;
        return true;
    }

    /** Ends an upload claimed with {@link #beginUpload()}. */
    public synchronized void endUpload(boolean stored, Instant now) {
        uploading = false;
        if (stored) {
            info = copy(info.state(), now, info.processed(), info.failed(), info.totalProcessingTime(),
                    info.errorMessage(), true);
        }
    }

    /** Whether an upload is streaming right now. */
    public synchronized boolean uploading() {
        return uploading;
    }

    /** Records that the job became ready to run (its progression clock starts). */
    public synchronized void ready(Instant at) {
        readyAt = at;
        polls = 0;
    }

    /** When the job became ready, if it has. */
    public synchronized Optional<Instant> readyAt() {
        return Optional.ofNullable(readyAt);
    }

    /** Counts one status read; returns the count so far. */
    public synchronized int poll() {
        return ++polls;
    }

    /** Marks whether a runner is processing the job right now. */
    public synchronized void running(boolean running) {
        this.running = running;
        if (!running) {
            notifyAll();
        }
    }

    /**
     * Waits until no runner processes the job (an aborted job finishes its in-flight batches first).
     *
     * @return false if the runner was still busy after the timeout
     */
    public synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (running) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Asks a running job to stop after its current batches (abort, delete, shutdown). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Whether the job was asked to stop. */
    public boolean stopRequested() {
        return stopRequested;
    }

    private long elapsed() {
        return startedNanos == 0 ? info.totalProcessingTime() : (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private JobInfo copy(JobState state, Instant now, long processed, long failed, long time,
                         Optional<String> error, boolean uploaded) {
        JobInfo i = info;
        return new JobInfo(i.id(), i.kind(), i.operation(), i.object(), i.createdById(), i.createdDate(), now, state,
                i.externalIdFieldName(), i.assignmentRuleId(), i.apiVersion(), i.dialect(), i.query(), processed,
                failed, time, error, uploaded, i.sequence());
    }
}
