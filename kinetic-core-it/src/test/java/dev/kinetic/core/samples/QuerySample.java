package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkQueryResult;
import dev.kinetic.core.bulk.BulkRecord;

/** Quick start 5: bulk query (export data) into memory. */
public final class QuerySample {
    private QuerySample() {
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
     * Queries this year's accounts.
     *
     * @param client a connected client
     * @return the result
     */
    public static BulkQueryResult run(SalesforceClient client) {
        String query = """
                SELECT Id, Name, Industry, CreatedDate
                FROM Account
                WHERE CreatedDate = THIS_YEAR
                """;

        BulkQueryResult result = client.bulk().query(query);

        System.out.println("Retrieved " + result.recordCount() + " records");
        for (BulkRecord account : result.records()) {
            System.out.println(account.get("Name") + " - " + account.get("Industry"));
        }
        return result;
    }
}
