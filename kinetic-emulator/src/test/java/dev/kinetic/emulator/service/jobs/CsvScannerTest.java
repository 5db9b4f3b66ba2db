package dev.kinetic.emulator.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.emulator.state.CsvDialect;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvScannerTest {
    private static CsvScanner.Plan scan(CsvDialect dialect, int batchSize, String csv) throws Exception {
        return new CsvScanner(dialect, batchSize).scan(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    // Rows long enough that values and quoted line breaks cross the scanner's 64 KB read chunks.
    private static String rows(int count, String lineEnding) {
        StringBuilder sb = new StringBuilder("Name,Description" + lineEnding);
        for (int i = 0; i < count; i++) {
            sb.append("Account ").append(i).append("x".repeat(i % 700)).append(",\"line one").append(lineEnding)
                    .append("line \"\"two\"\", ").append("y".repeat(i % 300)).append('"').append(lineEnding);
        }
        return sb.toString();
    }

    @Test
    void splitsRowsIntoBatchesAcrossReadChunks() throws Exception {
        for (CsvDialect.LineEnding ending : CsvDialect.LineEnding.values()) {
            String csv = rows(1_000, ending.text());
            CsvScanner.Plan plan = scan(new CsvDialect(CsvDialect.Delimiter.COMMA, ending), 300, csv);
            assertThat(plan.rows()).isEqualTo(1_000);
            List<long[]> batches = plan.batches();
            assertThat(batches).hasSize(4);
            assertThat(batches.get(0)[0]).isEqualTo(plan.headerEnd() + ending.text().length());
            for (int b = 0; b < batches.size(); b++) {
                assertThat(batches.get(b)[2]).isEqualTo(b < 3 ? 300 : 100);
                if (b > 0) {
                    assertThat(batches.get(b)[0]).isEqualTo(batches.get(b - 1)[1]);
                }
            }
            assertThat(batches.get(3)[1]).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
            String second = csv.substring((int) batches.get(1)[0]);
            assertThat(second).startsWith("Account 300");
        }
    }

    @Test
    void findsAProblemRightAfterALongValue() {
        String longValue = "v".repeat(100_000);
        assertThatThrownBy(() -> scan(CsvDialect.DEFAULT, 10, "A,B\n1,2\n" + longValue + "\"x,1\n"))
                .hasMessage("InvalidBatch : Failed to parse CSV. Found unescaped quote in row 2");
        assertThatThrownBy(() -> scan(CsvDialect.DEFAULT, 10, "A,B\n\"" + longValue + "\"x,1\n"))
                .hasMessage("InvalidBatch : Failed to parse CSV. Found unescaped quote in row 1");
        assertThatThrownBy(() -> scan(CsvDialect.DEFAULT, 10, "A,B\n" + longValue + ",1\r\n"))
                .hasMessageStartingWith("ClientInputError : LineEnding is invalid on user data.");
        assertThatThrownBy(() -> scan(CsvDialect.DEFAULT, 10, "A,B\n" + longValue + ",1,2\n"))
                .hasMessageStartingWith("InvalidBatch : Failed to parse CSV. Row 1 has 3 columns but the header has 2");
        assertThatThrownBy(() -> scan(CsvDialect.DEFAULT, 10, "A,B\n1,\"" + longValue + "\n"))
                .hasMessageStartingWith("InvalidBatch : Failed to parse CSV. A quoted field in row 1 is never closed");
    }
}
