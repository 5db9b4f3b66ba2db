package dev.kinetic.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.cli.CliException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobOptionsTest {
    @Test
    void parsesTimeoutsInSecondsMinutesHoursAndIso() {
        assertThat(JobOptions.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(JobOptions.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(JobOptions.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(JobOptions.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(JobOptions.parseDuration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void rejectsAnUnreadableTimeoutWithTheWayOut() {
        assertThatThrownBy(() -> JobOptions.parseDuration("soon")).isInstanceOf(CliException.class)
                .hasMessageContaining("'soon'").hasMessageContaining("90s");
    }
}
