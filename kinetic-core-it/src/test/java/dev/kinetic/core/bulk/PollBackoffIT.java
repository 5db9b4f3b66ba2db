package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default polling of every call that waits: a first look at once, then 100 ms, each wait a tenth longer, up to 30 s,
 * so a job that ends at time t is seen by 1.1 t + 0.1 s (or t + 30 s once the waits reach 30 s). The waits are
 * read from an injected sleeper that returns at once, so the test takes milliseconds whatever the schedule.
 */
class PollBackoffIT {
    /** Clients with the library's default back-offs: the waits recorded are the defaults. */
    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder().build();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void immediate() {
        ORG.control().jobsRunImmediately();
    }

    private SalesforceClient recordingClient() {
        return ORG.clientBuilder().sleeper(waits::add).build();
    }

    @Test
    void defaultPollingStartsAtAHundredMillisecondsAndGrowsByATenthUpToThirtySeconds() {
        ORG.control().jobsRunAfterPolls(80);
        try (SalesforceClient client = recordingClient()) {
            BulkResult result = client.bulk().insert("Account", List.of(Map.of("Name", "Backoff 1")));
            assertThat(result.successCount()).isEqualTo(1);
        }
        assertThat(waits).startsWith(ms(100), ms(110), ms(121), ms(133), ms(146), ms(160));
        assertThat(waits).contains(ms(30000)).allMatch(d -> d.compareTo(ms(30000)) <= 0);
        Duration elapsed = Duration.ZERO;
        for (Duration wait : waits) {
            // A job that ended just after the last look is seen at most a tenth of the time so far (+ 100 ms) later.
            if (!wait.equals(ms(30000))) {
                assertThat(wait).as("the wait after %s", elapsed)
                        .isLessThanOrEqualTo(elapsed.dividedBy(10).plus(ms(100)));
            }
            elapsed = elapsed.plus(wait);
        }
    }

    @Test
    void anHourLongWaitCostsAboutOneHundredSeventyPolls() {
        ORG.control().jobsRunAfterPolls(100_000);
        try (SalesforceClient client = recordingClient()) {
            BulkJobHandle handle = client.bulk().startInsert("Account", BulkInput.ofRows(
                    List.of(Map.of("Name", "Backoff 2"))), IngestOptions.builder().build());
            BulkTimeoutException timeout = catchThrowableOfType(() -> client.bulk().awaitJob(handle.jobId(),
                    PollOptions.builder().timeout(Duration.ofHours(1)).build()), BulkTimeoutException.class);
            assertThat(timeout.jobId()).isEqualTo(handle.jobId());
            handle.cancel();
        }
        Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isEqualTo(Duration.ofHours(1));
        // About 60 growing waits (about 5.5 minutes), then one every 30 s: about 170 in the hour.
        assertThat(waits).hasSizeBetween(150, 180);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
