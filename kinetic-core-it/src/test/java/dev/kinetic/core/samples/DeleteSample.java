package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkResult;
import java.util.List;

/** Quick start 4: bulk delete (to the recycle bin); {@code hardDelete} bypasses it. */
public final class DeleteSample {
    private DeleteSample() {
    }

    /**
     * Runs the sample; the ids come from the command line.
     *
     * @param args Account ids
     */
    public static void main(String[] args) {
        try (SalesforceClient client = SalesforceClient.connect(JwtAuthenticator.fromEnv())) {
            run(client, List.of(args));
        }
    }

    /**
     * Deletes accounts by id.
     *
     * @param client a connected client
     * @param idsToDelete the ids
     * @return the result
     */
    public static BulkResult run(SalesforceClient client, List<String> idsToDelete) {
        BulkResult result = client.bulk().delete("Account", idsToDelete);

        System.out.println("Deleted: " + result.successCount());
        return result;
    }
}
