package dev.kinetic.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.cli.CliException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutOptionsTest {
    @Test
    void parsesTimeoutsInSecondsMinutesHoursAndIso() {
        assertThat(TimeoutOptions.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeoutOptions.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeoutOptions.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(TimeoutOptions.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(TimeoutOptions.parseDuration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void rejectsAnUnreadableTimeoutWithTheWayOut() {
        assertThatThrownBy(() -> TimeoutOptions.parseDuration("soon")).isInstanceOf(CliException.class)
                .hasMessageContaining("'soon'").hasMessageContaining("90s");
    }
}
