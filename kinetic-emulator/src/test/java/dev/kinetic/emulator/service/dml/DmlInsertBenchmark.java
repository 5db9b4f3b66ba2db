package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.schema.Schema;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints the engine's insert rate, then its upsert rate (every key matched, so all updates), for 200,000 Account
 * rows of 10 columns in batches of 10,000, written by
 * {@code threads} workers (first argument, default 2), in memory or, when the second argument is {@code file},
 * in a file-backed store in a temporary directory. Not a test: run it with the test classpath,
 * {@code java -cp … dev.kinetic.emulator.service.dml.DmlInsertBenchmark 2}. It reports wall-clock rows/s and rows per
 * CPU-second of the process, which stays meaningful on a loaded machine.
 */
public final class DmlInsertBenchmark {
    private static final String[] HEADER = {"Name", "External_Key__c", "NumberOfEmployees", "AnnualRevenue",
        "BillingCity", "BillingState", "Phone", "Website", "Industry", "Status__c"};

    private DmlInsertBenchmark() {
    }

    /** Runs the benchmark: a warm-up round, then the measured round. */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        boolean file = args.length > 1 && args[1].equals("file");
        for (String round : List.of("warm-up", "measured")) {
            java.nio.file.Path dir = file ? java.nio.file.Files.createTempDirectory("kinetic-bench") : null;
            try (Database db = file ? Database.inDirectory(dir, Schema.defaultOrg())
                    : Database.inMemory(Schema.defaultOrg())) {
                run(round, db, threads);
            }
        }
    }

    private static void run(String round, Database db, int threads) throws Exception {
        DmlEngine engine = new DmlEngine(db, Clock.systemUTC());
        String user = db.ids().next("005");
        measure(round + " insert", engine.prepare(new DmlRequest("Account", DmlOperation.INSERT, List.of(HEADER),
                null, user)), threads);
        measure(round + " upsert (all matched)", engine.prepare(new DmlRequest("Account", DmlOperation.UPSERT,
                List.of(HEADER), "External_Key__c", user)), threads);
    }

    private static void measure(String round, DmlBatchWriter writer, int threads) throws Exception {
        int batches = 20;
        int size = 10_000;
        List<List<String[]>> data = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<String[]> rows = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int n = b * size + i;
                rows.add(new String[] {"Account " + n, "EXT-" + n, Integer.toString(n % 5000),
                    Integer.toString(n * 7), "Milano", "MI", "+39 02 " + n, "https://example.com/" + n, "Energy",
                    "Active"});
            }
            data.add(rows);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threadBean = ManagementFactory.getThreadMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> done = new ArrayList<>();
        for (List<String[]> rows : data) {
            done.add(pool.submit(() -> {
                long start = threadBean.getCurrentThreadCpuTime();
                long saved = writer.write(rows).stream().filter(DmlRowResult::success).count();
                return new long[] {saved, threadBean.getCurrentThreadCpuTime() - start};
            }));
        }
        long ok = 0;
        long writerCpu = 0;
        for (Future<long[]> f : done) {
            ok += f.get()[0];
            writerCpu += f.get()[1];
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("%s: %d rows saved by %d threads in %.2f s: %.0f rows/s wall, %.0f rows per"
                + " process CPU-second, %.0f rows per writer-thread CPU-second, load average %.1f%n", round, ok,
                threads, seconds, ok / seconds, ok / cpuSeconds, ok / (writerCpu / 1e9), os.getSystemLoadAverage());
    }
}
