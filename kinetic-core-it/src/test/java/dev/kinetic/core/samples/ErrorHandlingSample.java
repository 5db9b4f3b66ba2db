package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkError;
import dev.kinetic.core.bulk.BulkResult;
import java.util.List;
import java.util.Map;

/** Error handling: which rows failed, why, and on which fields. */
public final class ErrorHandlingSample {
    private ErrorHandlingSample() {
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
     * Inserts records of which one lacks the required Name.
     *
     * @param client a connected client
     * @return the result
     */
    public static BulkResult run(SalesforceClient client) {
        List<Map<String, Object>> records = List.of(
                Map.of("Name", "Valid account"),
                Map.of("Industry", "No name given"));

        BulkResult result = client.bulk().insert("Account", records);

        if (result.failedCount() > 0) {
            System.out.println("⚠️  " + result.failedCount() + " records failed");
            for (BulkError error : result.errors().subList(0, Math.min(5, result.errors().size()))) {
                System.out.println("  - " + error.message() + " (input row " + error.inputIndex() + ")");
                System.out.println("    Fields: " + String.join(", ", error.fields()));
            }
        }
        return result;
    }
}
