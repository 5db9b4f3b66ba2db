package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkResult;
import java.util.List;
import java.util.Map;

/** Quick start 1: bulk insert, with the created ids. */
public final class InsertSample {
    private InsertSample() {
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
     * Inserts three accounts.
     *
     * @param client a connected client
     * @return the result
     */
    public static BulkResult run(SalesforceClient client) {
        List<Map<String, Object>> accounts = List.of(
                Map.of("Name", "Acme Corp", "Industry", "Technology"),
                Map.of("Name", "Global Inc", "Industry", "Finance"),
                Map.of("Name", "Tech Solutions", "Industry", "Software"));

        BulkResult result = client.bulk().insert("Account", accounts);

        System.out.println("✓ Created: " + result.successCount());
        System.out.println("✗ Failed: " + result.failedCount());
        for (BulkRecord record : result.successRecords()) {
            System.out.println("Created: " + record.get("sf__Id") + " (input row " + record.inputIndex() + ")");
        }
        return result;
    }
}
