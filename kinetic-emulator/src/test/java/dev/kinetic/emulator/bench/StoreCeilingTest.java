package dev.kinetic.emulator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The store ceiling command writes and reads back every row it was asked for and reports both phases. */
class StoreCeilingTest {
    @Test
    void insertsAndReadsBackEveryRowAndReportsRates() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StoreCeiling.main(new String[] {"--rows", "25000"});
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("store insert: 25,000 rows in [0-9.]+ s -> [0-9,]+ rows/s")
                .containsPattern("store read  : 25,000 rows in [0-9.]+ s")
                .containsPattern("peak heap: [0-9,]+ MB");
    }

    @Test
    void generatedRowsMatchTheBenchmarkHeader() {
        assertThat(AccountCsv.values(42)).hasSize(AccountCsv.HEADER.trim().split(",").length)
                .startsWith("Benchmark Account 42", "BENCH-42");
    }
}
