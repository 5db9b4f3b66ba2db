package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.control.Progression;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs start as the org's progression rule says: at once, after N status reads, or after a delay. */
class JobProgressionTest {
    @TempDir
    Path spool;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05.678Z"));
    private BulkServer s;

    @BeforeEach
    void start() throws Exception {
        s = new BulkServer(LocalOrgConfig.builder().clock(clock).workerThreads(2).build(), spool, false);
    }

    @AfterEach
    void stop() throws Exception {
        s.close();
    }

    private String state(String kind, String id) throws Exception {
        return s.json(s.send("GET", BulkServer.V + "/jobs/" + kind + "/" + id, null)).get("state").asText();
    }

    private String readyIngestJob() throws Exception {
        String id = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        s.upload(id, "Name\nA\n");
        s.complete(id);
        return id;
    }

    @Test
    void afterPollsTheFirstNReadsSeeTheJobWaiting() throws Exception {
        s.context.progression(Progression.afterPolls(3));
        String ingest = readyIngestJob();
        String query = s.json(s.send("POST", BulkServer.V + "/jobs/query", "{\"operation\":\"query\",\"query\":\"rows:2\"}"))
                .get("id").asText();
        for (int i = 0; i < 3; i++) {
            assertThat(state("ingest", ingest)).isEqualTo("UploadComplete");
            assertThat(state("query", query)).isEqualTo("UploadComplete");
        }
        assertThat(s.await("ingest", ingest, "JobComplete").get("numberRecordsProcessed").asInt()).isEqualTo(1);
        assertThat(s.await("query", query, "JobComplete").get("numberRecordsProcessed").asInt()).isEqualTo(2);
    }

    @Test
    void afterDelayStartsOnceTheOrgClockHasPassedTheDelay() throws Exception {
        s.context.progression(Progression.afterDelay(Duration.ofHours(1)));
        String id = readyIngestJob();
        JsonNode waiting = s.json(s.send("GET", BulkServer.V + "/jobs/ingest/" + id, null));
        assertThat(waiting.get("state").asText()).isEqualTo("UploadComplete");
        assertThat(waiting.get("systemModstamp").asText()).isEqualTo("2026-01-02T03:04:05.678+0000");
        clock.advance(Duration.ofMinutes(59));
        assertThat(state("ingest", id)).isEqualTo("UploadComplete");
        clock.advance(Duration.ofMinutes(1));
        JsonNode done = s.await("ingest", id, "JobComplete");
        assertThat(done.get("systemModstamp").asText()).isEqualTo("2026-01-02T04:04:05.678+0000");
    }

    @Test
    void afterDelayAlsoStartsWithoutPollingWhenATimerFires() throws Exception {
        BulkServer real = new BulkServer(LocalOrgConfig.builder().workerThreads(2)
                .progression(Progression.afterDelay(Duration.ofMillis(200))).build(), spool.resolve("real"), false);
        try {
            String id = real.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
            real.upload(id, "Name\nA\n");
            real.complete(id);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            String state;
            do {
                JsonNode list = real.json(real.send("GET", BulkServer.V + "/jobs/ingest", null));
                state = list.get("records").get(0).get("state").asText();
            } while (!state.equals("JobComplete") && Instant.now().isBefore(deadline));
            assertThat(state).isEqualTo("JobComplete");
        } finally {
            real.close();
        }
    }
}
