package dev.kinetic.core.internal;

import dev.kinetic.core.Sleeper;
import java.time.Duration;

/** The client's retry and timeout settings. */
public record ClientConfig(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout,
                           Duration connectTimeout, Sleeper sleeper) {
}
