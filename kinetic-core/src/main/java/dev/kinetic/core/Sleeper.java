package dev.kinetic.core;

import java.time.Duration;

/**
 * Waits for a while; injected so that tests of retries and polling do not sleep for real.
 * {@link #system()} uses {@link Thread#sleep(long)}.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits for the duration.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** {@return the real sleeper, {@link Thread#sleep(long)}} */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis());
            }
        };
    }
}
