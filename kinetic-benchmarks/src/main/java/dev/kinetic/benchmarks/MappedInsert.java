package dev.kinetic.benchmarks;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.PollOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * Memory of result mapping at scale: writes N generated Account rows to a CSV file, inserts them with
 * {@code BulkClient.insert(Path)} against the org {@code JwtAuthenticator.fromEnv()} finds, then streams every
 * success row and checks that its input index covers each input row exactly once. Run it with {@code -Xmx256m};
 * the org runs in its own JVM ({@code bench/mapped.sh} starts one), so the heap figures are the client's alone.
 *
 * <p>Prints one JSON line: rows, rows/s of the insert (upload, jobs and the wait) and of the mapping pass, the peak
 * heap (sum of the heap pools' peaks from the insert on) and the heap in use after a full GC taken half-way through
 * the mapping pass, when a job's row index is in use. With {@code --histogram} the top of a class histogram taken
 * at the same moment goes to standard error. The check's own {@code BitSet} holds N bits (1.25 MB at 10 M rows).
 *
 * <pre>
 * java -Xmx256m -cp benchmarks.jar dev.kinetic.benchmarks.MappedInsert 10000000 [--histogram]
 * </pre>
 */
public final class MappedInsert {
    private MappedInsert() {
    }

    /**
     * Runs the benchmark; exits 2 on bad arguments and 1 if any input row is not mapped exactly once.
     *
     * @param args the row count, then optionally {@code --histogram}
     * @throws Exception if the CSV cannot be written or the histogram cannot be taken
     */
    public static void main(String[] args) throws Exception {
        int rows;
        try {
            rows = Integer.parseInt(args[0].replace("_", ""));
        } catch (RuntimeException e) {
            System.err.println("Usage: MappedInsert ROWS [--histogram]  (ROWS a whole number up to 2,147,483,647)");
            System.exit(2);
            return;
        }
        boolean histogram = args.length > 1 && args[1].equals("--histogram");
        Path dir = Files.createTempDirectory("kinetic-mapped-");
        Path csv = dir.resolve("accounts.csv");
        int status;
        try {
            write(csv, rows);
            status = run(csv, rows, histogram);
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
        }
        System.exit(status);
    }

    private static void write(Path csv, int rows) throws IOException {
        String tag = "MAP" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("Name,External_Key__c,NumberOfEmployees,Industry,BillingCity\n");
            for (int i = 0; i < rows; i++) {
                w.write(tag + " account " + i + "," + tag + "-" + i + "," + (i % 10_000) + ","
                        + (i % 2 == 0 ? "Technology" : "Finance") + "," + (i % 3 == 0 ? "Milano" : "Lisboa") + "\n");
            }
        }
    }

    private static int run(Path csv, int rows, boolean histogram) throws Exception {
        PollOptions poll = PollOptions.builder().pollInterval(Duration.ofMillis(500)).pollBackoffMultiplier(1.0)
                .maxPollInterval(Duration.ofMillis(500)).build();
        try (SalesforceClient client = SalesforceClient.connect(JwtAuthenticator.fromEnv())) {
            HeapPeaks.reset();
            long t0 = System.nanoTime();
            BulkResult result = client.bulk().insert("Account", BulkInput.of(csv),
                    IngestOptions.builder().poll(poll).build());
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            BitSet seen = new BitSet(rows);
            long mapped = 0;
            long twice = 0;
            long unmapped = 0;
            long afterGc = -1;
            try (BulkRecordStream s = result.streamSuccessRecords()) {
                for (BulkRecord r : s) {
                    long i = r.findInputIndex().orElse(-1);
                    if (i < 0 || i >= rows) {
                        unmapped++;
                    } else if (seen.get((int) i)) {
                        twice++;
                    } else {
                        seen.set((int) i);
                        mapped++;
                    }
                    if (mapped + twice + unmapped == rows / 2) {
                        afterGc = heapAfterGc();
                        if (histogram) {
                            printHistogram();
                        }
                    }
                }
            }
            double mapSeconds = (System.nanoTime() - t1) / 1e9;
            long missing = rows - seen.cardinality();
            System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"mapped-insert\",\"rows\":%d,\"jobs\":%d,"
                            + "\"failed\":%d,\"insertSeconds\":%.1f,\"insertRowsPerSecond\":%.0f,\"mapSeconds\":%.1f,"
                            + "\"mapRowsPerSecond\":%.0f,\"mapped\":%d,\"mappedTwice\":%d,\"unmapped\":%d,"
                            + "\"missing\":%d,\"peakHeapMB\":%.1f,\"heapAfterGcMB\":%.1f,\"maxHeapMB\":%d}", rows,
                    result.jobs().size(), result.failedCount() + result.unprocessedCount(), insertSeconds,
                    rows / insertSeconds, mapSeconds, rows / mapSeconds, mapped, twice, unmapped, missing,
                    HeapPeaks.peakBytes() / 1048576.0, afterGc / 1048576.0, Runtime.getRuntime().maxMemory() >> 20));
            return mapped == rows && twice == 0 && unmapped == 0 ? 0 : 1;
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void printHistogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        text.lines().limit(18).forEach(System.err::println);
    }
}
