package dev.kinetic.benchmarks;

import dev.kinetic.core.internal.csv.CsvRowWriter;
import dev.kinetic.core.internal.csv.CsvValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Writing Account-like maps to CSV bytes the way the library does before an upload: each value through
 * {@link CsvValues#format(Object)}, each row through {@link CsvRowWriter#write}. The score is rows per second
 * ({@value #ROWS} rows per invocation); the {@code bytes} counter is CSV bytes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class CsvWriteBenchmark {
    /** Rows written per benchmark invocation. */
    public static final int ROWS = 10_000;

    private List<Map<String, Object>> rows;
    private CsvRowWriter writer;
    private ByteArrayOutputStream out;
    private final List<String> values = new ArrayList<>(AccountRows.HEADER.size());

    /** Bytes written, reported by JMH as a rate (bytes/s). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Written {
        /** CSV bytes written in this iteration. */
        public long bytes;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
        }
    }

    /** Builds the rows once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        rows = AccountRows.generate(ROWS);
        writer = new CsvRowWriter(',', "\n");
        out = new ByteArrayOutputStream(ROWS * 160);
    }

    /**
     * Writes the header and {@value #ROWS} rows into a reused buffer.
     *
     * @param written the bytes counter
     * @return the bytes written
     * @throws IOException never (in-memory stream)
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long writeRows(Written written) throws IOException {
        out.reset();
        long bytes = writer.write(out, AccountRows.HEADER);
        for (Map<String, Object> row : rows) {
            values.clear();
            for (String column : AccountRows.HEADER) {
                values.add(CsvValues.format(row.get(column)));
            }
            bytes += writer.write(out, values);
        }
        written.bytes += bytes;
        return bytes;
    }

    /** The bytes of the last {@link #writeRows} call (for the smoke test). */
    byte[] lastOutput() {
        return out.toByteArray();
    }
}
