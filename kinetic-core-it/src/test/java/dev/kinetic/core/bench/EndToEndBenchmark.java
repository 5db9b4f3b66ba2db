package dev.kinetic.core.bench;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.AccessTokenAuthenticator;
import dev.kinetic.core.auth.Authenticator;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkExportResult;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.PollOptions;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * End-to-end benchmark: ingests N Account rows from a CSV file (and streams every success row with its input index),
 * then exports them with a query to a file; prints rows/s and the peak heap of this JVM. Against a separate local org
 * ({@code java -jar kinetic-emulator/target/kinetic-emulator.jar --port N}, with its SF_* variables, or
 * SF_INSTANCE_URL + SF_ACCESS_TOKEN) the peak heap is the client's alone; run with {@code -Xmx256m}. Without
 * variables it starts a local org in this JVM (then the heap is shared with the org).
 *
 * <p>Usage: {@code EndToEndBenchmark [rows]} (default 1,000,000).
 */
public final class EndToEndBenchmark {
    private EndToEndBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional row count
     * @throws IOException if the temporary files cannot be written
     */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        LocalOrg inProcess = null;
        Authenticator auth;
        if (System.getenv("SF_ACCESS_TOKEN") != null) {
            auth = AccessTokenAuthenticator.fromEnv();
        } else if (System.getenv("SF_CLIENT_ID") != null) {
            auth = JwtAuthenticator.fromEnv();
        } else {
            inProcess = LocalOrg.start(LocalOrgConfig.defaults());
            auth = AccessTokenAuthenticator.of(inProcess.baseUri().toString(), inProcess.accessToken());
            System.out.println("local org in this JVM at " + inProcess.baseUri() + " (heap figures include it)");
        }
        Path dir = Files.createTempDirectory("kinetic-bench-");
        Path input = dir.resolve("accounts.csv");
        String tag = "BENCH" + System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            w.write("Name,External_Key__c,NumberOfEmployees,Industry,Description\n");
            for (int i = 0; i < rows; i++) {
                w.write(tag + " account " + i + "," + tag + "-" + i + "," + (i % 10_000) + ","
                        + (i % 2 == 0 ? "Technology" : "Finance") + ",\"Row " + i + ", benchmark\"\n");
            }
        }
        System.out.printf("input: %,d rows, %,d bytes%n", rows, Files.size(input));
        PollOptions poll = PollOptions.builder().pollInterval(Duration.ofMillis(200))
                .maxPollInterval(Duration.ofSeconds(1)).build();
        try (SalesforceClient client = SalesforceClient.connect(auth)) {
            long t0 = System.nanoTime();
            BulkResult result = client.bulk().insert("Account", BulkInput.of(input),
                    IngestOptions.builder().poll(poll).build());
            System.out.printf("  job done after %.1f s%n", (System.nanoTime() - t0) / 1e9);
            long mapped = 0;
            try (BulkRecordStream s = result.streamSuccessRecords()) {
                for (BulkRecord r : s) {
                    if (r.findInputIndex().isPresent()) {
                        mapped++;
                    }
                }
            }
            double ingest = (System.nanoTime() - t0) / 1e9;
            System.out.printf("ingest: %,d ok, %,d failed, %,d mapped to input rows, %d job(s) in %.1f s = %,.0f rows/s%n",
                    result.successCount(), result.failedCount(), mapped, result.jobs().size(), ingest, rows / ingest);
            Path out = dir.resolve("export.csv");
            long t1 = System.nanoTime();
            BulkExportResult export = client.bulk().export("SELECT Id, Name, External_Key__c, NumberOfEmployees, "
                    + "Industry, Description FROM Account WHERE External_Key__c LIKE '" + tag + "-%'", out,
                    QueryOptions.builder().maxRecordsPerPage(100_000).poll(poll).build());
            double exp = (System.nanoTime() - t1) / 1e9;
            System.out.printf("export: %,d rows, %,d bytes in %.1f s = %,.0f rows/s%n", export.recordCount(),
                    export.bytes(), exp, export.recordCount() / exp);
        } finally {
            if (inProcess != null) {
                inProcess.close();
            }
            try (var files = Files.list(dir)) {
                files.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap: %,d MB (max %,d MB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
