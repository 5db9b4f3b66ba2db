package dev.kinetic.emulator.db;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The fair lock that batches writing one sObject's records hold around their statements and their commit
 * ({@link Database#writeLane}), with a pace for the batches that prepare while another holds it.
 *
 * <p>A batch prepares its rows (parses, converts and resolves them, writes its result rows, binds its statement)
 * outside the lane, on another core than the batch that holds it. Prepared too early, it then waits for the lane with
 * all of that on the heap: held across two young collections, it is copied and promoted, and the collector's pauses
 * grow with it (measured in BULK.md). {@link #pace} lets a batch start preparing only when the lane is expected to be
 * free about when it is ready: the lane keeps moving averages of how long a batch holds it and how long one takes to
 * prepare. The pace only ever delays the start of a batch's preparation, by at most {@value #MAX_PACE_MILLIS} ms; it
 * never decides anything about the batch.
 */
public final class WriteLane extends ReentrantLock {
    private static final long serialVersionUID = 1L;
    private static final long MAX_PACE_MILLIS = 1_000;
    private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    private static final long FREE = Long.MIN_VALUE;

    private final transient LongSupplier nanoClock;
    private final transient Object released = new Object();
    private final transient ThreadLocal<Long> preparing = new ThreadLocal<>();

    private volatile long heldSince = FREE;
    private volatile long holdNanos;
    private volatile long prepareNanos;

    WriteLane() {
        this(System::nanoTime);
    }

    WriteLane(LongSupplier nanoClock) {
        super(true);
        this.nanoClock = nanoClock;
    }

    /**
     * Waits until the batch about to prepare on this thread would be ready about when the lane is expected to be free
     * (at once when it is free, when nothing has been measured yet, or when the lane is released first), then starts
     * timing the preparation, which ends when this thread next takes the lane.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void pace() throws InterruptedException {
        long deadline = nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(MAX_PACE_MILLIS);
        synchronized (released) {
            while (true) {
                long since = heldSince;
                long hold = holdNanos;
                long now = nanoClock.getAsLong();
                if (since == FREE || hold == 0 || now >= deadline) {
                    break;
                }
                long free = since + hold * (1 + getQueueLength());
                long wait = Math.min(free - prepareNanos - MARGIN_NANOS - now, deadline - now);
                if (wait <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(released, wait);
            }
        }
        preparing.set(nanoClock.getAsLong());
    }

    /** Takes the lane; the time since this thread's {@link #pace} counts as its batch's preparation. */
    @Override
    public void lock() {
        Long start = preparing.get();
        if (start != null) {
            preparing.remove();
            prepareNanos = average(prepareNanos, nanoClock.getAsLong() - start);
        }
        super.lock();
        if (getHoldCount() == 1) {
            heldSince = nanoClock.getAsLong();
        }
    }

    /** Releases the lane; the time since {@link #lock} counts as a batch's hold, and pacing batches re-check. */
    @Override
    public void unlock() {
        if (getHoldCount() == 1 && heldSince != FREE) {
            holdNanos = average(holdNanos, nanoClock.getAsLong() - heldSince);
            heldSince = FREE;
            synchronized (released) {
                released.notifyAll();
            }
        }
        super.unlock();
    }

    // An exponential moving average that follows the last few batches.
    private static long average(long current, long sample) {
        return current == 0 ? sample : current + (sample - current) / 4;
    }
}
