package dev.kinetic.emulator.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pace of the batches that prepare while another batch holds an object's write lane, on a clock the test moves:
 * the lane's measurements (how long a batch holds it, how long one prepares) come from that clock only.
 */
@Timeout(60) // a pace that waited where it must not would wait for ever on the test's clock
class WriteLaneTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1));
    private final WriteLane lane = new WriteLane(clock::get);
    private final CountDownLatch release = new CountDownLatch(1);
    private Thread holder;

    @AfterEach
    void releaseTheHolder() throws InterruptedException {
        release.countDown();
        if (holder != null) {
            holder.join(TimeUnit.SECONDS.toMillis(20));
        }
    }

    @Test
    void aBatchStartsPreparingAtOnceWhenTheLaneIsFreeOrNothingIsMeasuredYet() throws Exception {
        holdOnOtherThread(); // the first hold: nothing measured
        lane.pace();
        assertThat(lane.isLocked()).as("paced without waiting for the holder").isTrue();
        release.countDown();
        holder.join(TimeUnit.SECONDS.toMillis(20));

        hold(200 * MS);
        lane.pace(); // free: at once
        assertThat(lane.isLocked()).isFalse();
    }

    @Test
    void aBatchWaitsWhileTheHolderHasLongerLeftThanItTakesToPrepareAndStartsWhenTheLaneIsReleased() throws Exception {
        hold(200 * MS); // batches hold the lane 200 ms; preparing takes no measured time
        holdOnOtherThread();
        AtomicBoolean released = new AtomicBoolean();
        AtomicBoolean startedAfterRelease = new AtomicBoolean();
        Thread pacer = new Thread(() -> {
            try {
                lane.pace();
                startedAfterRelease.set(released.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        pacer.start();
        awaitTimedWaiting(pacer); // the clock stands still: the holder has 200 ms left for as long as it holds

        released.set(true);
        release.countDown();
        pacer.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(pacer.isAlive()).as("started once the lane was released").isFalse();
        assertThat(startedAfterRelease).isTrue();
    }

    @Test
    void aBatchThatTakesAsLongToPrepareAsTheHolderHasLeftStartsAtOnce() throws Exception {
        hold(200 * MS);
        lane.pace(); // free: at once; its preparation takes 190 ms
        clock.addAndGet(190 * MS);
        hold(200 * MS);

        holdOnOtherThread(); // 200 ms left, less the 190 ms this batch takes to prepare and the margin
        lane.pace();
        assertThat(lane.isLocked()).as("started while the holder still held the lane").isTrue();
    }

    // One batch on this thread holding the lane for that long on the test's clock.
    private void hold(long nanos) {
        lane.lock();
        clock.addAndGet(nanos);
        lane.unlock();
    }

    // Another thread takes the lane now (on the test's clock) and holds it until the test releases it.
    private void holdOnOtherThread() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        holder = new Thread(() -> {
            lane.lock();
            try {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lane.unlock();
            }
        });
        holder.start();
        assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
    }

    // Waits (bounded) until the thread waits in pace, failing if it returned first.
    private static void awaitTimedWaiting(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (t.getState() != Thread.State.TIMED_WAITING) {
            assertThat(t.isAlive()).as("still pacing").isTrue();
            assertThat(System.nanoTime()).as("waiting in pace within 20 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
