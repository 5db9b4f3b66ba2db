package dev.kinetic.emulator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteLaneTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void enterWaitsUntilEveryBatchThatLeftTheLaneHasEndedItsTransaction() throws Exception {
        WriteLane lane = new WriteLane(30, TimeUnit.SECONDS);
        lane.enterToInsert();
        WriteLane.Committing first = lane.leaveWhileCommitting();
        lane.enterToInsert();
        WriteLane.Committing second = lane.leaveWhileCommitting();

        AtomicReference<Thread> reader = new AtomicReference<>();
        Future<?> entered = pool.submit(() -> {
            reader.set(Thread.currentThread());
            lane.enter();
            lane.leaveWhileCommitting().ended();
            return null;
        });
        awaitWaiting(reader, entered);
        first.ended();
        first.ended(); // a second call does not count twice
        awaitWaiting(reader, entered);
        assertThat(entered).isNotDone();
        second.ended();

        entered.get(30, TimeUnit.SECONDS);
    }

    @Test
    void anInsertEntersWhileBatchesAreCommitting() throws Exception {
        WriteLane lane = new WriteLane(30, TimeUnit.SECONDS);
        lane.enterToInsert();
        WriteLane.Committing committing = lane.leaveWhileCommitting();

        pool.submit(() -> {
            lane.enterToInsert();
            lane.leaveWhileCommitting().ended();
        }).get(30, TimeUnit.SECONDS);
        committing.ended();
    }

    @Test
    void enterGivesUpWithALockTimeoutAndLeavesTheLaneFree() throws Exception {
        WriteLane lane = new WriteLane(50, TimeUnit.MILLISECONDS);
        lane.enterToInsert();
        WriteLane.Committing committing = lane.leaveWhileCommitting();

        assertThatThrownBy(lane::enter).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("HYT00");
            assertThat(e.getMessage()).contains("1 batch(es) of the object to commit");
        });

        // The failed enter released the lane: another thread takes it at once.
        pool.submit(() -> {
            lane.enterToInsert();
            lane.leaveWhileCommitting().ended();
        }).get(30, TimeUnit.SECONDS);
        committing.ended();
    }

    // Waits (bounded) until the thread waits for the commits, or fails if it got past them.
    private static void awaitWaiting(AtomicReference<Thread> thread, Future<?> task) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Thread t = thread.get();
            assertThat(task).as("entered although batches were committing").isNotDone();
            if (t != null && t.getState() == Thread.State.TIMED_WAITING) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the thread never waited for the committing batches");
    }
}
