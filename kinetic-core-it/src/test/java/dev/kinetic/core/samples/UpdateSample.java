package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkError;
import dev.kinetic.core.bulk.BulkResult;
import java.util.List;
import java.util.Map;

/** Quick start 2: bulk update (every record needs its Id). */
public final class UpdateSample {
    private UpdateSample() {
    }

    /**
     * Runs the sample; the ids come from the command line.
     *
     * @param args two Account ids
     */
    public static void main(String[] args) {
        try (SalesforceClient client = SalesforceClient.connect(JwtAuthenticator.fromEnv())) {
            run(client, args[0], args[1]);
        }
    }

    /**
     * Updates two accounts.
     *
     * @param client a connected client
     * @param firstId an Account id
     * @param secondId another Account id
     * @return the result
     */
    public static BulkResult run(SalesforceClient client, String firstId, String secondId) {
        List<Map<String, Object>> updates = List.of(
                Map.of("Id", firstId, "Industry", "Software"),
                Map.of("Id", secondId, "AnnualRevenue", 5000000));

        BulkResult result = client.bulk().update("Account", updates);

        if (result.failedCount() > 0) {
            for (BulkError error : result.errors()) {
                System.out.println("Error: " + error.message());
            }
        }
        return result;
    }
}
