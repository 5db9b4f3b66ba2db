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
 * The default polling of every call that waits: a first look at once, then 100 ms doubling up to 30 s. The waits are
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
    void defaultPollingStartsAtAHundredMillisecondsAndDoublesUpToThirtySeconds() {
        ORG.control().jobsRunAfterPolls(12);
        try (SalesforceClient client = recordingClient()) {
            BulkResult result = client.bulk().insert("Account", List.of(Map.of("Name", "Backoff 1")));
            assertThat(result.successCount()).isEqualTo(1);
        }
        assertThat(waits).startsWith(ms(100), ms(200), ms(400), ms(800), ms(1600), ms(3200), ms(6400), ms(12800),
                ms(25600), ms(30000));
        assertThat(waits.subList(9, waits.size())).isNotEmpty().allMatch(d -> d.equals(ms(30000)));
    }

    @Test
    void anHourLongWaitCostsAboutOneHundredThirtyPolls() {
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
        // 9 doublings (51.1 s) then one poll every 30 s: 9 + ceil(3548.9 / 30) = 128 waits, 129 polls.
        assertThat(waits).hasSize(128);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
