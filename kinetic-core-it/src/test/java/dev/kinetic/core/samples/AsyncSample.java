package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkJobHandle;
import dev.kinetic.core.bulk.IngestOptions;
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

        // Start job without waiting
        BulkJobHandle handle = client.bulk().startInsert("Account", BulkInput.ofRows(records), IngestOptions.defaults());

        System.out.println("Job started: " + handle.jobId());
        System.out.println("State: " + handle.jobs().get(0).state());

        // Check status later
        BulkJob job = client.bulk().getJob(handle.jobId());
        System.out.println("Current state: " + job.state());

        // ...and collect the result when you need it (the same BulkResult a waiting insert returns)
        return handle.await();
    }
}
