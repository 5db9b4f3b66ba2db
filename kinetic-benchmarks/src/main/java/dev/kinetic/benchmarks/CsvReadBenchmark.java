package dev.kinetic.benchmarks;

import dev.kinetic.core.internal.csv.CsvRows;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading result CSV the way the library reads a success-results or query-results page: every field quoted, as
 * Salesforce sends them, parsed by {@link CsvRows}. The score is rows per second ({@value #ROWS} rows per
 * invocation); the {@code bytes} counter is CSV bytes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class CsvReadBenchmark {
    /** Data rows read per benchmark invocation (plus the header). */
    public static final int ROWS = 10_000;

    private byte[] csv;

    /** Bytes read, reported by JMH as a rate (bytes/s). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Read {
        /** CSV bytes read in this iteration. */
        public long bytes;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
        }
    }

    /** Builds the result CSV once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        csv = successResults(ROWS);
    }

    /**
     * Parses the whole result CSV.
     *
     * @param read the bytes counter
     * @return the number of fields read (so the work cannot be optimised away)
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long readRows(Read read) {
        long fields = 0;
        try (CsvRows rows = new CsvRows(new ByteArrayInputStream(csv), ',')) {
            for (List<String> row = rows.next(); row != null; row = rows.next()) {
                fields += row.size();
            }
        }
        read.bytes += csv.length;
        return fields;
    }

    /** The CSV the benchmark reads (for the smoke test). */
    byte[] input() {
        return csv;
    }

    /**
     * A success-results file of {@code count} rows as Salesforce writes it: {@code sf__Id}, {@code sf__Created},
     * then the echoed columns, every field quoted, LF line endings.
     */
    static byte[] successResults(int count) {
        StringBuilder b = new StringBuilder(count * 200);
        b.append("\"sf__Id\",\"sf__Created\"");
        for (String column : AccountRows.HEADER) {
            b.append(",\"").append(column).append('"');
        }
        b.append('\n');
        String[] cities = {"Milano", "Lisboa", "Austin", "Osaka"};
        for (int n = 0; n < count; n++) {
            String id = String.format("001%012dAAA", n);
            b.append('"').append(id).append("\",\"true\",");
            b.append(n % 10 == 0 ? "\"Account \"\"" + n + "\"\", Ltd.\"" : "\"Account " + n + "\"");
            b.append(",\"Technology\",\"").append(10 + n % 5000).append("\",\"")
                    .append(100_000 + (n * 7919L) % 90_000_000L).append(".25\",\"").append(cities[n % 4])
                    .append("\",\"BENCH-").append(n).append("\",\"").append(n % 2 == 0)
                    .append("\",\"2026-03-01\",\"2026-01-01T08:30:00.000Z\",\"\"\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
