package dev.kinetic.core.internal;

import dev.kinetic.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The client's retry and timeout settings.
 *
 * @param maxRetries retries of a transient failure
 * @param initialBackoff the first back-off
 * @param maxBackoff the back-off cap
 * @param requestTimeout one exchange's limit
 * @param connectTimeout the connect limit
 * @param sleeper how to wait
 * @param clock the time, for Retry-After dates and for noticing a job that stopped moving
 * @param executor runs parallel work: split jobs and result pages
 */
public record ClientConfig(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout,
                           Duration connectTimeout, Sleeper sleeper, Clock clock, Executor executor) {
}
