package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkClient;
import dev.kinetic.core.bulk.BulkError;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobHandle;
import dev.kinetic.core.bulk.BulkQueryResult;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.PollOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Python quick start ({@code shared/reference/bulk-api-v2-quickstart.txt}) line by line in Java, in its order,
 * one Java statement for each Python one. Where the Python uses placeholder ids, this uses the ids it created, so
 * that the whole guide runs end to end (SamplesIT runs it against a local org).
 */
public final class QuickStart {
    private QuickStart() {
    }

    /**
     * Runs the quick start against the org of the SF_* variables.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        run(JwtAuthenticator.fromEnv());
    }

    /**
     * Runs every section of the quick start.
     *
     * @param auth how to sign in (the quick start's {@code JWTAuthenticator.from_env()})
     * @return the accounts left in the org by the guide, by name
     */
    public static List<String> run(JwtAuthenticator auth) {
        // ---- Basic Setup
        // Authenticate
        SalesforceSession session = auth.authenticate();

        // Create client
        try (SalesforceClient client = new SalesforceClient(session)) {

            // Access Bulk API
            BulkClient bulk = client.bulk();

            // ---- 1. Bulk Insert (Create Records)
            // Prepare data
            List<Map<String, Object>> accounts = List.of(
                    Map.of("Name", "Acme Corp", "Industry", "Technology"),
                    Map.of("Name", "Global Inc", "Industry", "Finance"),
                    Map.of("Name", "Tech Solutions", "Industry", "Software"));

            // Insert
            BulkResult result = client.bulk().insert("Account", accounts);

            // Check results
            System.out.println("✓ Created: " + result.successCount());
            System.out.println("✗ Failed: " + result.failedCount());

            // Get created IDs
            for (BulkRecord record : result.successRecords()) {
                System.out.println("Created: " + record.get("sf__Id"));
            }
            List<String> created = result.successRecords().stream()
                    .sorted(Comparator.comparingLong(BulkRecord::inputIndex)).map(r -> r.get("sf__Id")).toList();

            // ---- 2. Bulk Update
            // Prepare updates (must include Id)
            List<Map<String, Object>> updates = List.of(
                    Map.of("Id", created.get(0), "Industry", "Software"),
                    Map.of("Id", created.get(1), "AnnualRevenue", 5000000));

            // Update
            result = client.bulk().update("Account", updates);

            if (result.failedCount() > 0) {
                for (BulkError error : result.errors()) {
                    System.out.println("Error: " + error.message());
                }
            }

            // ---- 3. Bulk Upsert (Insert or Update)
            // Use external ID to prevent duplicates
            List<Map<String, Object>> records = List.of(
                    Map.of("External_Key__c", "EXT001", "Name", "New or Existing 1"),
                    Map.of("External_Key__c", "EXT002", "Name", "New or Existing 2"));

            result = client.bulk().upsert("Account", records, "External_Key__c");

            System.out.println("Inserted/Updated: " + result.successCount());

            // ---- 4. Bulk Delete
            // Get IDs to delete
            List<String> idsToDelete = List.of(created.get(2));

            // Delete (moves to recycle bin)
            result = client.bulk().delete("Account", idsToDelete);

            System.out.println("Deleted: " + result.successCount());

            // ---- 5. Bulk Query (Export Data)
            // Query large dataset
            String query = """
                    SELECT Id, Name, Industry, CreatedDate
                    FROM Account
                    WHERE CreatedDate = THIS_YEAR
                    """;

            BulkQueryResult queried = client.bulk().query(query);

            System.out.println("Retrieved " + queried.recordCount() + " records");

            // Process results
            for (BulkRecord account : queried.records()) {
                System.out.println(account.get("Name") + " - " + account.get("Industry"));
            }

            // ---- Progress Tracking
            Consumer<BulkJob> showProgress = job -> {
                System.out.println("State: " + job.state());
                System.out.println("Processed: " + job.numberRecordsProcessed().orElse(0));
            };
            List<Map<String, Object>> largeDataset = List.of(Map.of("Name", "Large 1"), Map.of("Name", "Large 2"));

            result = client.bulk().insert("Account", BulkInput.ofRows(largeDataset),
                    IngestOptions.builder().poll(PollOptions.builder().onProgress(showProgress).build()).build());

            // ---- Error Handling
            records = List.of(Map.of("Name", "Valid"), Map.of("Industry", "No name"));
            result = client.bulk().insert("Account", records);

            if (result.failedCount() > 0) {
                System.out.println("⚠️  " + result.failedCount() + " records failed");

                for (BulkError error : result.errors().subList(0, Math.min(5, result.errors().size()))) {
                    System.out.println("  - " + error.message());
                    System.out.println("    Fields: " + String.join(", ", error.fields()));
                }
            }

            // ---- Async Mode (Non-blocking)
            // Start job without waiting
            BulkJobHandle started = client.bulk().startInsert("Account",
                    BulkInput.ofRows(List.of(Map.of("Name", "Async"))), IngestOptions.defaults());

            System.out.println("Job started: " + started.jobId());
            System.out.println("State: " + started.jobs().get(0).state());

            // Check status later
            BulkJob job = client.bulk().getJob(started.jobId());
            System.out.println("Current state: " + job.state());
            started.await(); // and collect the result: the same BulkResult a waiting insert returns

            // ---- Optimize Your Batches
            // Good: one call for the whole data set (split into jobs of at most 100 MB by the library)
            records = List.of(Map.of("Name", "Batch 1"), Map.of("Name", "Batch 2"));
            result = client.bulk().insert("Account", records);

            // ---- Pattern 1: Retry Failed Records
            records = List.of(Map.of("Name", "Retry ok"), Map.of("Industry", "Retry me"));
            result = client.bulk().insert("Account", records);

            if (result.failedCount() > 0) {
                // Extract failed records for retry: exactly the input rows that failed
                List<Map<String, Object>> failedData = result.failedRecordsForRetry();

                // Retry after fixing issues
                List<Map<String, Object>> fixed = new ArrayList<>();
                failedData.forEach(r -> fixed.add(Map.of("Name", "Retried", "Industry", r.get("Industry"))));
                BulkResult retryResult = client.bulk().insert("Account", fixed);
                System.out.println("Retried: " + retryResult.successCount());
            }

            // ---- Pattern 2: Export and Transform
            // Export data
            queried = client.bulk().query("SELECT Id, Name FROM Account WHERE Name LIKE 'Batch %' LIMIT 10000");

            // Transform
            List<Map<String, Object>> transformed = queried.records().stream()
                    .<Map<String, Object>>map(r -> Map.of("Id", r.get("Id"), "Name", r.get("Name").toUpperCase()))
                    .toList();

            // Import back
            client.bulk().update("Account", transformed);

            // ---- Pattern 3: Incremental Updates
            // Get records created today
            query = "SELECT Id, Name FROM Account WHERE CreatedDate = TODAY AND Name LIKE 'Large %'";
            queried = client.bulk().query(query);

            // Apply updates
            updates = queried.records().stream()
                    .<Map<String, Object>>map(r -> Map.of("Id", r.get("Id"), "Status__c", "Processed"))
                    .toList();

            client.bulk().update("Account", updates);

            return client.bulk().query("SELECT Name FROM Account ORDER BY Name").records().stream()
                    .map(r -> r.get("Name")).toList();
        }
    }
}
