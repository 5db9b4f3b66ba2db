package dev.kinetic.spark.bench;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.PollOptions;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgCredentials;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Rows/s of a load and an export of N Account rows (default 1,000,000) through the Spark data source at 1, 2 and 4
 * partitions, beside the library alone, against a local org in this JVM ({@code kinetic-spark/bench.sh}). Spark runs
 * {@code local[4]} by default, so its executors are this JVM: the peak heap printed is the JVM's (driver, executors
 * and the local org together), the sum of the heap pools' peaks, reset before each phase. With a second argument
 * such as {@code local-cluster[2,1,1024]} the executors run in JVMs of their own, and each one's peak used heap is
 * printed under the phase. No SQL text is parsed: the test
 * class path holds the local org's ANTLR 4.9, older than the one Spark's SQL parser needs.
 */
public final class SparkBenchmark {
    private SparkBenchmark() {
    }

    /**
     * @param args optional row count
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        String master = args.length > 1 ? args[1] : "local[4]";
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.defaults())) {
            LocalOrgCredentials c = org.credentials();
            Map<String, String> options = new HashMap<>(Map.of("clientId", c.clientId(), "username", c.username(),
                    "privateKeyPath", c.privateKeyPath().toString(), "loginUrl", c.loginUrl().toString(),
                    "pollIntervalMillis", "200"));
            System.out.printf("%-28s %10s %12s %14s%n", "phase", "seconds", "rows/s", "peak heap MB");
            library(org, c, rows);
            SparkSession.Builder builder = SparkSession.builder().master(master).appName("kinetic-spark-bench")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
            String executorClassPath = System.getProperty("kinetic.bench.executorClassPath", "");
            if (!executorClassPath.isEmpty()) {
                // executors in JVMs of their own (local-cluster): they load the data source from here, and send
                // their heap figures often enough to catch the peak
                builder.config("spark.executor.extraClassPath", executorClassPath)
                        .config("spark.executor.metrics.pollingInterval", "100ms")
                        .config("spark.executor.heartbeatInterval", "1s");
            }
            SparkSession spark = builder.getOrCreate();
            ExecutorHeap heap = new ExecutorHeap();
            spark.sparkContext().addSparkListener(heap);
            try {
                for (int p : new int[] {1, 2, 4}) {
                    reset(org);
                    Path cp = Files.createTempDirectory("kinetic-bench-cp-");
                    heap.takeMegabytes();
                    measure("spark load, " + p + " partition(s)", rows, () -> spark.range(rows)
                            .select(functions.concat(functions.lit("Bench "), functions.col("id")).as("Name"),
                                    functions.col("id").cast(DataTypes.IntegerType).as("NumberOfEmployees"))
                            .repartition(p).write().format("salesforce").options(options).option("object", "Account")
                            .option("checkpointLocation", cp.toString()).mode("append").save());
                    executors(spark, heap);
                    long page = (rows + p - 1) / p;
                    measure("spark export, " + p + " page(s)", rows, () -> spark.read().format("salesforce")
                            .options(options).option("query", "SELECT Id, Name, NumberOfEmployees FROM Account")
                            .option("maxRecordsPerPage", Long.toString(page)).load()
                            .write().format("noop").mode("overwrite").save());
                    executors(spark, heap);
                }
            } finally {
                spark.stop();
            }
        }
    }

    private static void library(LocalOrg org, LocalOrgCredentials c, long rows) {
        JwtAuthenticator auth = JwtAuthenticator.builder().clientId(c.clientId()).username(c.username())
                .privateKeyPath(c.privateKeyPath()).loginUrl(c.loginUrl().toString()).build();
        PollOptions poll = PollOptions.builder().pollInterval(Duration.ofMillis(200)).build();
        try (SalesforceClient client = SalesforceClient.connect(auth)) {
            measure("library load", rows, () -> client.bulk().insert("Account", BulkInput.ofStream(
                    LongStream.range(0, rows).mapToObj(i -> Map.of("Name", "Bench " + i, "NumberOfEmployees",
                            (Object) (int) i))), IngestOptions.builder().poll(poll).build()));
            AtomicLong n = new AtomicLong();
            measure("library export", rows, () -> {
                try (var s = client.bulk().queryStream("SELECT Id, Name, NumberOfEmployees FROM Account",
                        QueryOptions.builder().poll(poll).build())) {
                    s.forEach(r -> n.incrementAndGet());
                }
            });
            if (n.get() != rows) {
                throw new IllegalStateException("exported " + n.get() + " rows, expected " + rows);
            }
        }
    }

    /** Prints each executor's peak heap of the phase when executors run in JVMs of their own. */
    private static void executors(SparkSession spark, ExecutorHeap heap) throws Exception {
        if (spark.sparkContext().isLocal()) {
            return;
        }
        spark.sparkContext().listenerBus().waitUntilEmpty();
        heap.takeMegabytes().forEach((id, mb) -> System.out.printf("%-28s %10s %12s %14d%n", "  executor " + id,
                "", "", mb));
    }

    private static void measure(String phase, long rows, Runnable work) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%-28s %10.1f %12.0f %14d%n", phase, seconds, rows / seconds, peak >> 20);
    }

    private static void reset(LocalOrg org) throws Exception {
        HttpResponse<Void> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(org.baseUri() + "/__emulator/reset")).header(LocalOrg.CONTROL_SECRET_HEADER,
                org.controlSecret()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        if (res.statusCode() != 204) {
            throw new IllegalStateException("reset answered " + res.statusCode());
        }
    }
}
