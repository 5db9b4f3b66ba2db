package dev.kinetic.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleTest {
    private static Console bars() {
        PrintWriter out = new PrintWriter(new StringWriter());
        return new Console(out, out, false, false, ProgressMode.BAR, Clock.systemUTC(), Duration.ofSeconds(2));
    }

    @Test
    void drawsNoBarForAnUploadWithoutASizeToShow() {
        Progress empty = bars().progress("Upload", 0, Unit.BYTES);
        Progress small = bars().progress("Upload", 200, Unit.BYTES);
        try (empty; small) {
            assertThat(empty).isNotInstanceOf(BarProgress.class);
            assertThat(small).isNotInstanceOf(BarProgress.class);
        }
        try (Progress big = bars().progress("Upload", 5L * 1024 * 1024, Unit.BYTES)) {
            assertThat(big).isInstanceOf(BarProgress.class);
        }
    }

    @Test
    void countsAgreeWithTheirNoun() {
        assertThat(Unit.records(1)).isEqualTo("1 record");
        assertThat(Unit.records(0)).isEqualTo("0 records");
        assertThat(Unit.RECORDS.format(40_000)).isEqualTo("40,000 records");
    }
}
