package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkResult;
import java.util.Map;
import java.util.stream.Stream;

/** Pattern 2: export, transform, import back, streamed so that memory stays flat at any size. */
public final class ExportAndTransformSample {
    private ExportAndTransformSample() {
    }

    /**
     * Runs the sample against the org of the SF_* variables.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (SalesforceClient client = SalesforceClient.connect(JwtAuthenticator.fromEnv())) {
            run(client, "SELECT Id, Name FROM Account LIMIT 10000");
        }
    }

    /**
     * Upper-cases the names of the queried accounts.
     *
     * @param client a connected client
     * @param soql a query selecting Id and Name
     * @return the update's result
     */
    public static BulkResult run(SalesforceClient client, String soql) {
        try (BulkRecordStream records = client.bulk().queryStream(soql)) {
            Stream<Map<String, Object>> transformed = records.stream()
                    .map((BulkRecord r) -> Map.of("Id", r.get("Id"), "Name", r.get("Name").toUpperCase()));
            return client.bulk().update("Account", BulkInput.ofStream(transformed));
        }
    }
}
