package dev.kinetic.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.core.internal.csv.CsvRows;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs each benchmark body once and checks it did the work it claims, so a broken benchmark fails the build. */
class BenchmarkSmokeTest {

    @Test
    void writeBenchmarkWritesEveryRowAsReadableCsv() throws Exception {
        CsvWriteBenchmark bench = new CsvWriteBenchmark();
        bench.setUp();
        CsvWriteBenchmark.Written written = new CsvWriteBenchmark.Written();
        written.clear();

        long bytes = bench.writeRows(written);

        byte[] csv = bench.lastOutput();
        assertThat(bytes).isEqualTo(csv.length).isEqualTo(written.bytes);
        List<List<String>> rows = new ArrayList<>();
        try (CsvRows reader = new CsvRows(new ByteArrayInputStream(csv), ',')) {
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        assertThat(rows).hasSize(CsvWriteBenchmark.ROWS + 1);
        assertThat(rows.get(0)).isEqualTo(AccountRows.HEADER);
        assertThat(rows.get(1)).containsExactly("Account \"0\", Ltd.", "Technology", "10", "1000", "Milano",
                "BENCH-0", "true", "2026-01-01", "2026-01-01T08:30:00.000Z", "#N/A");
        assertThat(rows.get(CsvWriteBenchmark.ROWS).get(5)).isEqualTo("BENCH-" + (CsvWriteBenchmark.ROWS - 1));
    }

    @Test
    void writeBenchmarkCountsBytesAcrossInvocations() throws Exception {
        CsvWriteBenchmark bench = new CsvWriteBenchmark();
        bench.setUp();
        CsvWriteBenchmark.Written written = new CsvWriteBenchmark.Written();

        long first = bench.writeRows(written);
        long second = bench.writeRows(written);

        assertThat(second).isEqualTo(first);
        assertThat(written.bytes).isEqualTo(2 * first);
    }

    @Test
    void readBenchmarkReadsEveryFieldOfEveryRow() {
        CsvReadBenchmark bench = new CsvReadBenchmark();
        bench.setUp();
        CsvReadBenchmark.Read read = new CsvReadBenchmark.Read();
        read.clear();

        long fields = bench.readRows(read);

        int columns = AccountRows.HEADER.size() + 2;
        assertThat(fields).isEqualTo((long) (CsvReadBenchmark.ROWS + 1) * columns);
        assertThat(read.bytes).isEqualTo(bench.input().length);
    }

    @Test
    void readBenchmarkInputUnquotesLikeSalesforceResults() {
        byte[] csv = CsvReadBenchmark.successResults(2);
        List<List<String>> rows = new ArrayList<>();
        try (CsvRows reader = new CsvRows(new ByteArrayInputStream(csv), ',')) {
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).subList(0, 4)).containsExactly("001000000000000AAA", "true", "Account \"0\", Ltd.",
                "Technology");
        assertThat(rows.get(2).get(11)).isEmpty();
    }

    @Test
    void cpuTimeReportPrintsOneLinePerRoundWithBothRates() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        CpuTimeReport.run(1, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(report.lines()).hasSize(1);
        assertThat(report).startsWith("round 1  write: ").contains(" | read: ").contains("rows/cpu-s");
    }
}
