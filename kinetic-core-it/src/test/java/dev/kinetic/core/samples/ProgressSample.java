package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.PollOptions;
import dev.kinetic.core.bulk.BulkResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Progress tracking of a long-running job. */
public final class ProgressSample {
    private ProgressSample() {
    }

    /**
     * Runs the sample against the org of the SF_* variables.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (SalesforceClient client = SalesforceClient.connect(JwtAuthenticator.fromEnv())) {
            run(client, 25_000, Duration.ofSeconds(2), job -> { });
        }
    }

    /**
     * Inserts a large data set and reports progress after every poll.
     *
     * @param client a connected client
     * @param rows how many accounts
     * @param pollInterval the first wait between polls
     * @param also another observer of the snapshots (tests use it)
     * @return the result
     */
    public static BulkResult run(SalesforceClient client, int rows, Duration pollInterval, Consumer<BulkJob> also) {
        List<Map<String, Object>> largeDataset = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            largeDataset.add(Map.of("Name", "Progress account " + i));
        }
        Consumer<BulkJob> showProgress = job -> {
            System.out.println("State: " + job.state());
            System.out.println("Processed: " + job.numberRecordsProcessed().orElse(0));
        };

        BulkResult result = client.bulk().insert("Account", BulkInput.ofRows(largeDataset), IngestOptions.builder()
                .poll(PollOptions.builder().onProgress(showProgress.andThen(also)).pollInterval(pollInterval).build())
                .build());
        return result;
    }
}
