package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pattern 1: retry exactly the failed records. (The Python quick start indexed its input by the position of the
 * failure in the failure list, which retries the wrong rows; {@code failedRecordsForRetry()} returns the input rows
 * that failed.)
 */
public final class RetryFailedRecordsSample {
    private RetryFailedRecordsSample() {
    }

    /**
     * Runs the sample against the org of the SF_* variables.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (SalesforceClient client = SalesforceClient.connect(JwtAuthenticator.fromEnv())) {
            run(client);
        }
    }

    /**
     * Inserts, fixes the failures and retries them.
     *
     * @param client a connected client
     * @return the retry's result
     */
    public static BulkResult run(SalesforceClient client) {
        List<Map<String, Object>> records = List.of(
                Map.of("Name", "Retry ok 1"),
                Map.of("Industry", "Retry missing name"),
                Map.of("Name", "Retry ok 2"));
        BulkResult result = client.bulk().insert("Account", records);

        BulkResult retryResult = result;
        if (result.failedCount() > 0) {
            List<Map<String, Object>> failedData = result.failedRecordsForRetry();
            // Fix the issue, then retry
            List<Map<String, Object>> fixed = failedData.stream().map(r -> {
                Map<String, Object> copy = new HashMap<>(r);
                copy.putIfAbsent("Name", "Fixed: " + r.get("Industry"));
                return copy;
            }).toList();
            retryResult = client.bulk().insert("Account", fixed);
        }
        return retryResult;
    }
}
