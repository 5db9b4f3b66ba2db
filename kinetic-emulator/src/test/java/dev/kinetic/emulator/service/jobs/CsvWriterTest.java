package dev.kinetic.emulator.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.state.CsvDialect;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    private static String written(CsvWriter w) {
        return new String(w.drain(), StandardCharsets.UTF_8);
    }

    @Test
    void quotesEveryValueDoublesInnerQuotesAndKeepsNonAsciiText() {
        CsvWriter w = new CsvWriter(CsvDialect.DEFAULT, 8);
        w.row(new String[] {"001Kc0000000001AAA", "say \"hi\"", "Zürich €", "", null, "a,b\nc"});
        assertThat(written(w)).isEqualTo("\"001Kc0000000001AAA\",\"say \"\"hi\"\"\",\"Zürich €\",\"\",\"\","
                + "\"a,b\nc\"\n");
    }

    @Test
    void drainGivesTheRowsOnceAndGrowsPastTheInitialCapacity() {
        CsvWriter w = new CsvWriter(CsvDialect.DEFAULT, 64);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            w.value("row " + i, true).value("é\"" + i, false).endRow();
            expected.append("\"row ").append(i).append("\",\"é\"\"").append(i).append("\"\n");
        }
        assertThat(w.position()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8).length);
        assertThat(written(w)).isEqualTo(expected.toString());
        assertThat(w.drain()).isEmpty();
    }
}
