package dev.kinetic.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Runs the two benchmark bodies in a loop and reports rows and bytes per <em>CPU</em> second of the running thread
 * next to the wall-clock rate. On a shared, loaded machine JMH's wall-clock scores mostly measure the other
 * processes; the CPU-second rate is what the code itself costs.
 *
 * <pre>java -Xmx256m -cp kinetic-benchmarks/target/benchmarks.jar dev.kinetic.benchmarks.CpuTimeReport [rounds]</pre>
 */
public final class CpuTimeReport {
    private static final int INVOCATIONS = 20;

    private CpuTimeReport() {
    }

    /**
     * Prints one line per round (the first rounds include JIT warm-up).
     *
     * @param args optional number of rounds (default 6)
     * @throws IOException never (in-memory streams)
     */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        run(rounds, System.out);
    }

    static void run(int rounds, PrintStream out) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CsvWriteBenchmark write = new CsvWriteBenchmark();
        write.setUp();
        CsvWriteBenchmark.Written written = new CsvWriteBenchmark.Written();
        CsvReadBenchmark read = new CsvReadBenchmark();
        read.setUp();
        CsvReadBenchmark.Read readBytes = new CsvReadBenchmark.Read();
        for (int round = 1; round <= rounds; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long bytesWritten = 0;
            for (int i = 0; i < INVOCATIONS; i++) {
                bytesWritten += write.writeRows(written);
            }
            long cpu1 = threads.getCurrentThreadCpuTime();
            long wall1 = System.nanoTime();
            for (int i = 0; i < INVOCATIONS; i++) {
                read.readRows(readBytes);
            }
            long cpu2 = threads.getCurrentThreadCpuTime();
            long wall2 = System.nanoTime();
            long bytesRead = (long) INVOCATIONS * read.input().length;
            out.println(String.format(Locale.ROOT, "round %d  write: %s | read: %s", round,
                    rates((long) INVOCATIONS * CsvWriteBenchmark.ROWS, bytesWritten, cpu1 - cpu0, wall1 - wall0),
                    rates((long) INVOCATIONS * CsvReadBenchmark.ROWS, bytesRead, cpu2 - cpu1, wall2 - wall1)));
        }
    }

    private static String rates(long rows, long bytes, long cpuNanos, long wallNanos) {
        double cpu = Math.max(cpuNanos, 1) / 1e9;
        double wall = Math.max(wallNanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%,.0f rows/cpu-s, %.1f MB/cpu-s (wall %,.0f rows/s)", rows / cpu,
                bytes / 1048576.0 / cpu, rows / wall);
    }
}
