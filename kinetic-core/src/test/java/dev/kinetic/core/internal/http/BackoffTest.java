package dev.kinetic.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T15:00:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterInSecondsIsThatLong() {
        assertThat(Backoff.parseRetryAfter("7", NOW)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsTheTimeUntilThen() {
        assertThat(Backoff.parseRetryAfter("Tue, 01 Dec 2026 15:00:42 GMT", NOW)).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void retryAfterDateInThePastMeansNow() {
        assertThat(Backoff.parseRetryAfter("Tue, 01 Dec 2026 14:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void garbageLeavesTheDecisionToTheBackoff() {
        assertThat(Backoff.parseRetryAfter("soon", NOW)).isNull();
        assertThat(Backoff.parseRetryAfter(null, NOW)).isNull();
    }

    @Test
    void retryAfterWinsOverTheBackoffButIsCapped() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(b.delay(3, Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
        assertThat(b.delay(3, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.delay(10, null)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
}
