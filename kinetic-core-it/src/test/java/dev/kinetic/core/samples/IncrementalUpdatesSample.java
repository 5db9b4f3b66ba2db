package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkQueryResult;
import dev.kinetic.core.bulk.BulkResult;
import java.util.List;
import java.util.Map;

/** Pattern 3: incremental updates of the records created today. */
public final class IncrementalUpdatesSample {
    private IncrementalUpdatesSample() {
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
     * Marks today's accounts as processed.
     *
     * @param client a connected client
     * @return the update's result, or {@code null} if nothing was created today
     */
    public static BulkResult run(SalesforceClient client) {
        String query = "SELECT Id, Name FROM Account WHERE CreatedDate = TODAY";
        BulkQueryResult result = client.bulk().query(query);

        List<Map<String, Object>> updates = result.records().stream()
                .<Map<String, Object>>map(r -> Map.of("Id", r.get("Id"), "Status__c", "Processed"))
                .toList();

        if (updates.isEmpty()) {
            System.out.println("Nothing created today");
            return null;
        }
        return client.bulk().update("Account", updates);
    }
}
