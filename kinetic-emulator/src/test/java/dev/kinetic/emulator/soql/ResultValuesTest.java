package dev.kinetic.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.db.FieldValues;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ResultValuesTest {
    @Test
    void formatsDateTimesExactlyAsFieldValuesDoes() {
        LocalDateTime[] samples = {
            LocalDateTime.of(2024, 1, 2, 17, 38, 59, 120_000_000),
            LocalDateTime.of(1, 1, 1, 0, 0),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
            LocalDateTime.of(2024, 2, 29, 8, 5, 7, 9_000_000),
            LocalDateTime.of(1970, 6, 15, 12, 0, 0, 999_000),
        };
        for (LocalDateTime t : samples) {
            assertThat(ResultValues.format(null, t)).isEqualTo(FieldValues.formatQuery(null, t));
        }
        assertThat(ResultValues.format(null, samples[0])).isEqualTo("2024-01-02T17:38:59.120Z");
    }

    @Test
    void delegatesEveryOtherTypeToFieldValues() {
        Object[] samples = {null, 5_000_000.0, 1.5, 42, 9_000_000_000L, true, LocalDate.of(2024, 2, 29),
            LocalTime.of(7, 30, 15), "text", LocalDateTime.of(10_000, 1, 1, 0, 0)};
        for (Object v : samples) {
            assertThat(ResultValues.format(null, v)).isEqualTo(FieldValues.formatQuery(null, v));
        }
        assertThat(ResultValues.format(null, null)).isEmpty();
        assertThat(ResultValues.format(null, 5_000_000.0)).isEqualTo("5000000");
    }
}
