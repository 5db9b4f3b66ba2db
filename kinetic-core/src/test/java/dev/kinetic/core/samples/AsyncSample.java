package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkOptions;
import dev.kinetic.core.bulk.BulkResult;
import java.util.List;
import java.util.Map;

/** Async mode: start a job without waiting, check it later, then collect its result. */
public final class AsyncSample {
    private AsyncSample() {
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
     * Starts an insert without waiting and awaits it afterwards.
     *
     * @param client a connected client
     * @return the final result
     */
    public static BulkResult run(SalesforceClient client) {
        List<Map<String, Object>> records = List.of(Map.of("Name", "Async account"));

        BulkResult result = client.bulk().insert("Account", records,
                BulkOptions.builder().waitForCompletion(false).build());
        System.out.println("Job started: " + result.job().id());
        System.out.println("State: " + result.job().state());

        BulkJob job = client.bulk().getJob(result.job().id());
        System.out.println("Current state: " + job.state());

        return client.bulk().awaitResult(job.id());
    }
}
