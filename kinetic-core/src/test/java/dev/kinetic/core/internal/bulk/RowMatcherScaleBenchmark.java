package dev.kinetic.core.internal.bulk;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * The client's side of result mapping alone, at sizes the local org takes an hour for: one chunk of N input rows
 * (the worst case: one index for all of them) is indexed by {@link RowMatcher}, then N result rows, in a scrambled
 * order, are matched and checked to cover every input row exactly once. Prints the build and match rates, the
 * peak heap and the heap after a full GC half-way through the matching (with {@code --histogram}, the top of a class
 * histogram taken then, on standard error). Not a test; run with {@code -Xmx256m}:
 *
 * <pre>
 * java -Xmx256m -cp kinetic-core/target/test-classes:kinetic-core/target/classes:DEPS \
 *     dev.kinetic.core.internal.bulk.RowMatcherScaleBenchmark 10000000 [--histogram]
 * </pre>
 */
public final class RowMatcherScaleBenchmark {
    private RowMatcherScaleBenchmark() {
    }

    /**
     * Runs it; exits 1 if a row is not mapped exactly once.
     *
     * @param args the row count, then optionally {@code --histogram}
     * @throws Exception if the input cannot be written
     */
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0].replace("_", ""));
        boolean histogram = args.length > 1 && args[1].equals("--histogram");
        Path dir = Files.createTempDirectory("kinetic-scale-");
        Path csv = dir.resolve("in.csv");
        String headerLine = "Name,External_Key__c,NumberOfEmployees\n";
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(headerLine);
            for (int i = 0; i < n; i++) {
                w.write("Account " + i + ",KEY-" + i + "," + (i % 5000) + "\n");
            }
        }
        byte[] header = headerLine.getBytes(StandardCharsets.UTF_8);
        Chunk chunk = new Chunk(0, new ChunkSource(csv, header.length, Files.size(csv), header, false),
                List.of("Name", "External_Key__c", "NumberOfEmployees"), 0, n, ',');
        List<String> resultHeader = List.of("sf__Id", "sf__Created", "Name", "External_Key__c", "NumberOfEmployees");
        int status;
        try {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            RowMatcher m = RowMatcher.build(chunk, resultHeader, null, ',', false);
            double build = (System.nanoTime() - t0) / 1e9;
            BitSet seen = new BitSet(n);
            long bad = 0;
            long afterGc = -1;
            long t1 = System.nanoTime();
            for (long k = 0; k < n; k++) {
                int i = (int) (k * 7919 % n); // every row once, in a scrambled order (n not a multiple of 7919)
                long index = m.match(List.of("001" + i, "true", "Account " + i, "KEY-" + i, (i % 5000) + ".0"));
                if (index != i || seen.get(i)) {
                    bad++;
                } else {
                    seen.set(i);
                }
                if (k == n / 2) {
                    System.gc();
                    afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    if (histogram) {
                        printHistogram();
                    }
                }
            }
            double match = (System.nanoTime() - t1) / 1e9;
            Object matcher = m;
            if (matcher instanceof AutoCloseable c) {
                c.close();
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"row-matcher\",\"rows\":%d,"
                            + "\"buildSeconds\":%.1f,\"buildRowsPerSecond\":%.0f,\"matchSeconds\":%.1f,"
                            + "\"matchRowsPerSecond\":%.0f,\"wrong\":%d,\"missing\":%d,\"peakHeapMB\":%.1f,"
                            + "\"heapAfterGcMB\":%.1f,\"maxHeapMB\":%d}", n, build, n / build, match, n / match, bad,
                    n - seen.cardinality(), peak / 1048576.0, afterGc / 1048576.0,
                    Runtime.getRuntime().maxMemory() >> 20));
            status = bad == 0 && seen.cardinality() == n ? 0 : 1;
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
        }
        System.exit(status);
    }

    private static void printHistogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        text.lines().limit(12).forEach(System.err::println);
    }
}
