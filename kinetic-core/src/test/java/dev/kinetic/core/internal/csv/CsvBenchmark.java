package dev.kinetic.core.internal.csv;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmarks of the CSV writer (values formatted and encoded the Salesforce way) and the CSV reader ({@link CsvRows}
 * underneath), on 10,000 Account-like rows per operation. Run {@link #main} from the test classpath.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class CsvBenchmark {
    private static final int ROWS = 10_000;

    private List<Object[]> values;
    private byte[] csv;

    /** Builds the rows and their CSV once. */
    @Setup
    public void setup() {
        values = new ArrayList<>(ROWS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvRowWriter w = new CsvRowWriter(',', "\n");
        out.writeBytes(w.encode(List.of("Name", "Industry", "AnnualRevenue", "NumberOfEmployees", "Description",
                "External_Key__c", "SLAExpirationDate__c")));
        for (int i = 0; i < ROWS; i++) {
            Object[] row = {"Account " + i, i % 2 == 0 ? "Technology" : null, new BigDecimal("1234567.5").add(
                    BigDecimal.valueOf(i)), i, "Description, with \"quotes\" " + i, "EXT-" + i,
                LocalDate.of(2024, 1, 1).plusDays(i % 365)};
            values.add(row);
            out.writeBytes(w.encode(format(row)));
        }
        csv = out.toByteArray();
    }

    private static List<String> format(Object[] row) {
        List<String> s = new ArrayList<>(row.length);
        for (Object o : row) {
            s.add(CsvValues.format(o));
        }
        return s;
    }

    /** Formats and encodes rows; the score is rows per second. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void write(Blackhole bh) {
        CsvRowWriter w = new CsvRowWriter(',', "\n");
        for (Object[] row : values) {
            bh.consume(w.encode(format(row)));
        }
    }

    /** Parses rows; the score is rows per second. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void read(Blackhole bh) {
        try (CsvRows rows = new CsvRows(new ByteArrayInputStream(csv), ',')) {
            List<String> r;
            while ((r = rows.next()) != null) {
                bh.consume(r);
            }
        }
    }

    /**
     * Runs the benchmarks.
     *
     * @param args unused
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(CsvBenchmark.class.getSimpleName()).build()).run();
    }
}
