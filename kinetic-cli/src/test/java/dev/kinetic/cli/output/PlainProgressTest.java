package dev.kinetic.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PlainProgressTest {
    private static final class SetClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void printsAtMostOneLinePerIntervalAndOneAtTheEnd() {
        SetClock clock = new SetClock();
        StringWriter text = new StringWriter();
        Progress progress = new PlainProgress(new PrintWriter(text), "Processing", 1000, Unit.RECORDS, clock,
                Duration.ofSeconds(2));

        progress.update(100, "");
        clock.now = clock.now.plusSeconds(1);
        progress.update(200, "");
        clock.now = clock.now.plusSeconds(1);
        progress.update(400, "failed 3");
        clock.now = clock.now.plusSeconds(1);
        progress.update(1000, "failed 3");
        progress.close();

        assertThat(text.toString().lines()).containsExactly(
                "Processing: 400 records of 1,000 records (40%), 200 records/s, failed 3",
                "Processing: 1,000 records of 1,000 records (100%), 333 records/s, failed 3");
    }

    @Test
    void quietAndJsonConsolesShowNoProgress() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        Console quiet = new Console(out, out, true, false, ProgressMode.PLAIN, Clock.systemUTC(), Duration.ZERO);
        try (Progress p = quiet.progress("Upload", 10, Unit.BYTES)) {
            p.update(10, "");
        }
        quiet.info("not shown");
        quiet.summary("shown");

        assertThat(text.toString().lines()).containsExactly("shown");
    }
}
