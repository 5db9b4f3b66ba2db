package dev.kinetic.benchmarks;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkClient;
import dev.kinetic.core.bulk.BulkExportResult;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.PollOptions;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.core.bulk.BulkResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The library's side of {@code bench/e2e.sh}: inserts a CSV file of Accounts with {@code BulkClient.insert(Path)}
 * (waiting for the job and reading its results, as a caller would) or exports a SOQL query to a file with
 * {@code BulkClient.export}, polling and paging as the curl baseline does, against the org that {@code JwtAuthenticator.fromEnv()}
 * finds. Prints one JSON line: records, seconds, peak heap (sum of the heap pools' peaks since the timed phase began).
 *
 * <pre>
 * java -Xmx256m -cp benchmarks.jar dev.kinetic.benchmarks.LibraryE2e ingest accounts.csv
 * java -Xmx256m -cp benchmarks.jar dev.kinetic.benchmarks.LibraryE2e export "SELECT …" out.csv
 * </pre>
 */
public final class LibraryE2e {
    private LibraryE2e() {
    }

    /**
     * Runs one phase; exits 2 on bad arguments and 1 if not every row succeeded.
     *
     * @param args {@code ingest FILE} or {@code export SOQL FILE}
     */
    public static void main(String[] args) {
        boolean ingest = args.length == 2 && args[0].equals("ingest");
        boolean export = args.length == 3 && args[0].equals("export");
        if (!ingest && !export) {
            System.err.println("Usage: LibraryE2e ingest FILE | LibraryE2e export SOQL FILE");
            System.exit(2);
        }
        // Poll and page as the curl baseline does (every 0.2 s, 100,000 records a page), so the comparison measures
        // the client's data path rather than the library's default back-off of 2 s × 1.5 for real orgs.
        PollOptions poll = PollOptions.builder()
                .pollInterval(Duration.ofMillis(200))
                .pollBackoffMultiplier(1.0)
                .maxPollInterval(Duration.ofMillis(200))
                .build();
        try (SalesforceClient client = SalesforceClient.connect(JwtAuthenticator.fromEnv())) {
            BulkClient bulk = client.bulk();
            HeapPeaks.reset();
            long started = System.nanoTime();
            long records;
            long failed;
            if (ingest) {
                BulkResult result = bulk.insert("Account", BulkInput.of(Path.of(args[1])),
                        IngestOptions.builder().poll(poll).build());
                records = result.successCount();
                failed = result.failedCount() + result.unprocessedCount();
            } else {
                Path out = Path.of(args[2]);
                Files.deleteIfExists(out);
                BulkExportResult result = bulk.export(args[1], out,
                        QueryOptions.builder().maxRecordsPerPage(100_000).poll(poll).build());
                records = result.recordCount();
                failed = 0;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.println(String.format(Locale.ROOT,
                    "{\"benchmark\":\"%s\",\"records\":%d,\"failed\":%d,\"seconds\":%.3f,\"peakHeapBytes\":%d,"
                            + "\"maxHeapBytes\":%d}", ingest ? "ingest" : "export", records, failed, seconds,
                    HeapPeaks.peakBytes(), Runtime.getRuntime().maxMemory()));
            if (failed > 0) {
                System.exit(1);
            }
        } catch (IOException e) {
            System.err.println("LibraryE2e: " + e.getMessage());
            System.exit(1);
        }
    }
}
