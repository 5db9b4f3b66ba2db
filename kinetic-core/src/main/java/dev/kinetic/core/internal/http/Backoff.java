package dev.kinetic.core.internal.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped, jittered exponential back-off that honours Retry-After. */
final class Backoff {
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The wait before retry number {@code attempt} (0-based); {@code retryAfter} wins when present. */
    Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        double base = initial.toMillis() * Math.pow(2, Math.min(attempt, 30));
        double capped = Math.min(base, max.toMillis());
        // "Equal jitter": half fixed, half random, so waits never collapse to zero.
        double jittered = capped / 2 + ThreadLocalRandom.current().nextDouble() * capped / 2;
        return Duration.ofMillis((long) jittered);
    }

    /** Parses Retry-After in seconds; an HTTP date or garbage is ignored. */
    static Duration parseRetryAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
