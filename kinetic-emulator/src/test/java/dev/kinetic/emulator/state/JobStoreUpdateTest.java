package dev.kinetic.emulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.schema.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's new state is stored before any reader can see it: a status request that arrives while the runner is
 * completing a job waits for the completion to be in the database, so an answered JobComplete is never taken back by
 * a kill of the process (issue 9, point 1).
 */
class JobStoreUpdateTest {
    @TempDir
    Path dir;

    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aReaderWaitsUntilTheChangedJobIsStored() throws Exception {
        database = Database.inDirectory(dir, Schema.defaultOrg());
        JobStore store = new JobStore(database, dir.resolve("spool"));
        Job job = store.add(info("750000000000001AAA", JobState.IN_PROGRESS));
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> readerThread = new AtomicReference<>();

        CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> store.update(job, j -> {
            boolean done = j.complete(Instant.EPOCH);
            changed.countDown();
            await(release); // the moment before the state is written, where a kill used to lose what was shown
            return done;
        }));
        assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<JobState> reader = CompletableFuture.supplyAsync(() -> {
            readerThread.set(Thread.currentThread());
            return job.info().state();
        });
        waitUntilBlocked(readerThread);
        assertThat(reader).as("a status read while the change is not yet stored").isNotDone();

        release.countDown();
        assertThat(writer.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo(JobState.JOB_COMPLETE);
        assertThat(new JobStore(database, dir.resolve("spool")).find(job.id()).orElseThrow().info().state())
                .as("what the database holds once the reader has seen it").isEqualTo(JobState.JOB_COMPLETE);
    }

    @Test
    void aChangeThatChangesNothingStoresNothing() {
        database = Database.inDirectory(dir, Schema.defaultOrg());
        JobStore store = new JobStore(database, dir.resolve("spool"));
        Job job = store.add(info("750000000000002AAA", JobState.ABORTED));

        assertThat(store.update(job, j -> j.complete(Instant.EPOCH))).isFalse();
        assertThat(new JobStore(database, dir.resolve("spool")).find(job.id()).orElseThrow().info().state())
                .isEqualTo(JobState.ABORTED);
    }

    @Test
    void aJobsTimesAreTheSameAfterARestartAsWhenItWasCreated() {
        database = Database.inDirectory(dir, Schema.defaultOrg());
        Instant created = Instant.parse("2026-12-01T00:00:00.123999999Z"); // the store would round it up to .124
        JobInfo info = info("750000000000003AAA", JobState.OPEN, created);
        Job job = new JobStore(database, dir.resolve("spool")).add(info);

        JobInfo reloaded = new JobStore(database, dir.resolve("spool")).find(job.id()).orElseThrow().info();

        assertThat(job.info().createdDate()).isEqualTo(Instant.parse("2026-12-01T00:00:00.123Z"));
        assertThat(reloaded.createdDate()).isEqualTo(job.info().createdDate());
        assertThat(reloaded.systemModstamp()).isEqualTo(job.info().systemModstamp());
    }

    private static JobInfo info(String id, JobState state) {
        return info(id, state, Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static JobInfo info(String id, JobState state, Instant now) {
        return new JobInfo(id, JobKind.INGEST, "insert", "Account", "005000000000001AAA", now, now, state,
                Optional.empty(), Optional.empty(), 62.0, CsvDialect.DEFAULT, Optional.empty(), 0, 0, 0,
                Optional.empty(), true, 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // Waits (bounded) until the reader thread is blocked on the job's monitor.
    private static void waitUntilBlocked(AtomicReference<Thread> thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Thread t = thread.get();
            if (t != null && t.getState() == Thread.State.BLOCKED) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the reader never blocked on the job");
    }
}
