package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.control.Progression;
import dev.kinetic.emulator.state.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Starts jobs that are ready (ingest after UploadComplete, query after create) according to the org's
 * {@link Progression}: at once, after the job's status has been read N times, or once the org's clock passes the
 * ready time plus a delay (checked when the job is read and by a timer, never by busy waiting). Owns the thread
 * pools: coordinators that plan jobs and the worker pool of {@code workerThreads} that processes their batches.
 * Thread-safe.
 */
public final class JobLauncher implements AutoCloseable {
    private final OrgContext context;
    private final ExecutorService coordinators;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(Job job, Progression rule, Consumer<Job> start) {
    }

    /** @param context the org (progression, clock, worker count) */
    public JobLauncher(OrgContext context) {
        this.context = context;
        this.coordinators = Executors.newCachedThreadPool(threads("local-org-job"));
        this.workers = Executors.newFixedThreadPool(context.config().workerThreads(), threads("local-org-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("local-org-job-timer"));
    }

    /** The worker pool that processes batches and queries. */
    ExecutorService workers() {
        return workers;
    }

    /** Marks a job ready and starts it now or later, as the current progression rule says. */
    void ready(Job job, Consumer<Job> start) {
        Instant now = context.clock().instant();
        job.ready(now);
        Progression rule = context.progression();
        Pending p = new Pending(job, rule, start);
        pending.put(job.id(), p);
        switch (rule.mode()) {
            case IMMEDIATE -> launch(job.id());
            case AFTER_POLLS -> {
                if (rule.polls() == 0) {
                    launch(job.id());
                }
            }
            case AFTER_DELAY -> {
                if (rule.delay().isZero()) {
                    launch(job.id());
                } else {
                    scheduleCheck(job.id(), rule.delay());
                }
            }
        }
    }

    /** Starts a job that was already running when the org stopped, at once, whatever the progression rule. */
    void resume(Job job, Consumer<Job> start) {
        coordinators.execute(() -> start.accept(job));
    }

    /** Called before a job's status is rendered: starts a delayed job whose time has come. */
    void beforeRead(Job job) {
        Pending p = pending.get(job.id());
        if (p != null && p.rule().mode() == Progression.Mode.AFTER_DELAY && due(p)) {
            launch(job.id());
        }
    }

    /** Called after a job's status was rendered: counts the poll and starts the job after N polls. */
    void afterRead(Job job) {
        Pending p = pending.get(job.id());
        if (p != null && p.rule().mode() == Progression.Mode.AFTER_POLLS && job.poll() >= p.rule().polls()) {
            launch(job.id());
        }
    }

    /** Forgets a job that will not start (aborted or deleted before it ran). */
    void cancel(String jobId) {
        pending.remove(jobId);
    }

    private boolean due(Pending p) {
        Instant readyAt = p.job().readyAt().orElse(Instant.MIN);
        return !context.clock().instant().isBefore(readyAt.plus(p.rule().delay()));
    }

    private void scheduleCheck(String jobId, Duration delay) {
        timer.schedule(() -> {
            Pending p = pending.get(jobId);
            if (p != null && due(p)) {
                launch(jobId);
            }
        }, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void launch(String jobId) {
        Pending p = pending.remove(jobId);
        if (p != null) {
            coordinators.execute(() -> p.start().accept(p.job()));
        }
    }

    /**
     * Stops the pools once their jobs have been asked to stop: batches and queries already running finish (a batch
     * commits or rolls back; a stopped job starts no more), waiting up to {@code timeout}. Threads are never
     * interrupted: an interrupt inside H2 closes its file under the other threads.
     *
     * @return false when work was still running after the timeout
     */
    public boolean close(Duration timeout) {
        timer.shutdownNow();
        coordinators.shutdown();
        workers.shutdown();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            return coordinators.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    && workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@link #close(Duration)} with a minute's wait. */
    @Override
    public void close() {
        close(Duration.ofMinutes(1));
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
