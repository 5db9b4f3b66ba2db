package dev.kinetic.core.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CsvValuesTest {
    @Test
    void nullBecomesNotApplicable() {
        assertThat(CsvValues.format(null)).isEqualTo("#N/A");
    }

    @Test
    void numbersAreWrittenWithoutScientificNotationOrTrailingZeros() {
        assertThat(CsvValues.format(5_000_000.0)).isEqualTo("5000000");
        assertThat(CsvValues.format(9.12260031E8)).isEqualTo("912260031");
        assertThat(CsvValues.format(1.0E-7)).isEqualTo("0.0000001");
        assertThat(CsvValues.format(new BigDecimal("1.2300E+5"))).isEqualTo("123000");
        assertThat(CsvValues.format(new BigDecimal("12.50"))).isEqualTo("12.5");
        assertThat(CsvValues.format(2.5f)).isEqualTo("2.5");
        assertThat(CsvValues.format(42)).isEqualTo("42");
        assertThat(CsvValues.format(-7L)).isEqualTo("-7");
        assertThat(CsvValues.format(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
    }

    @Test
    void notANumberIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> CsvValues.format(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN").hasMessageContaining("#N/A");
    }

    @Test
    void datesTimesAndBooleansUseSalesforceFormats() {
        assertThat(CsvValues.format(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(CsvValues.format(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02T03:04:05.000Z");
        assertThat(CsvValues.format(OffsetDateTime.of(2002, 10, 10, 12, 0, 0, 0, ZoneOffset.ofHours(5))))
                .isEqualTo("2002-10-10T07:00:00.000Z");
        assertThat(CsvValues.format(LocalTime.of(8, 30))).isEqualTo("08:30:00.000Z");
        assertThat(CsvValues.format(true)).isEqualTo("true");
        assertThat(CsvValues.format(Boolean.FALSE)).isEqualTo("false");
    }
}
