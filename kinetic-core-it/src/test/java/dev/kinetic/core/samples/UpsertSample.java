package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkResult;
import java.util.List;
import java.util.Map;

/** Quick start 3: bulk upsert by an external id, so running it twice creates no duplicates. */
public final class UpsertSample {
    private UpsertSample() {
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
     * Upserts two accounts by External_Key__c.
     *
     * @param client a connected client
     * @return the result
     */
    public static BulkResult run(SalesforceClient client) {
        List<Map<String, Object>> records = List.of(
                Map.of("External_Key__c", "EXT001", "Name", "New or Existing 1"),
                Map.of("External_Key__c", "EXT002", "Name", "New or Existing 2"));

        BulkResult result = client.bulk().upsert("Account", records, "External_Key__c");

        System.out.println("Inserted/Updated: " + result.successCount());
        return result;
    }
}
