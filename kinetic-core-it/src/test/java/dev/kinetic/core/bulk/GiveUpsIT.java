package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.junit.FaultProxy;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every give-up after a job exists names the job and its last known state; a job going backwards or not moving is
 * an error, not a wait without end; orphan Open jobs are aborted; undecodable input is refused before sending.
 */
class GiveUpsIT {
    @RegisterExtension
    static final LocalOrgExtension ORG = ItOrg.extension();
    private static FaultProxy proxy;
    private static SalesforceClient client;
    private static BulkClient bulk;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start(LocalOrgControl control) {
        proxy = control.faultProxy();
        client = builder().build();
        bulk = client.bulk();
    }

    /** A client through the proxy with three retries. */
    private static SalesforceClient.Builder builder() {
        return ORG.clientBuilderThroughProxy().maxRetries(3);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static List<Map<String, Object>> rows(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).<Map<String, Object>>mapToObj(i -> Map.of("Name", prefix + i))
                .toList();
    }

    private static JobState stateOf(String id) {
        return ORG.client().bulk().getJob(id).state();
    }

    @Test
    void stateGoingBackwardsIsAnErrorNamingTheJob() {
        proxy.on("GET", "/jobs/ingest/750[0-9A-Za-z]+$").times(Integer.MAX_VALUE)
                .rewrite(body -> body.replaceAll("\"state\"\\s*:\\s*\"[A-Za-z]+\"", "\"state\":\"Open\""));
        JobStateException e = catchThrowableOfType(JobStateException.class,
                () -> bulk.insert("Account", rows("Backwards ", 3)));
        assertThat(e.stalled()).isFalse();
        assertThat(e.job().state()).isEqualTo(JobState.OPEN);
        assertThat(e.getMessage()).contains("Job " + e.jobId() + " went from UploadComplete back to Open")
                .contains("attach(\"" + e.jobId() + "\").await()");
    }

    @Test
    void jobThatDoesNotMoveForTheStallTimeoutIsAnErrorMeasuredWithTheClock() {
        MutableClock clock = new MutableClock();
        ORG.control().jobsRunAfterPolls(1000000);
        try (SalesforceClient c = builder().clock(clock).sleeper(clock::advance).build()) {
            IngestOptions o = IngestOptions.builder().poll(PollOptions.builder().pollInterval(Duration.ofMinutes(1))
                    .maxPollInterval(Duration.ofMinutes(1)).stallTimeout(Duration.ofMinutes(10)).build()).build();
            JobStateException e = catchThrowableOfType(JobStateException.class,
                    () -> c.bulk().insert("Account", BulkInput.ofRows(rows("Stalled ", 2)), o));
            assertThat(e.stalled()).isTrue();
            assertThat(e.getMessage()).contains("Job " + e.jobId() + " has not moved for PT10M");
            assertThat(clock.instant()).isBefore(Instant.parse("2026-01-01T00:12:00Z"));
            assertThat(stateOf(e.jobId())).isEqualTo(JobState.UPLOAD_COMPLETE);
        }
    }

    @Test
    void pollingThatKeepsFailingGivesUpNamingTheJobAndItsLastState() {
        proxy.on("GET", "/jobs/ingest/750[0-9A-Za-z]+$").times(Integer.MAX_VALUE).status(503, null);
        BulkJobException e = catchThrowableOfType(BulkJobException.class,
                () -> bulk.insert("Account", rows("Poll gives up ", 4)));
        assertThat(e.jobs()).hasSize(1);
        assertThat(e.jobs().get(0).state()).isEqualTo(JobState.UPLOAD_COMPLETE);
        assertThat(e.getMessage()).contains(e.jobIds().get(0) + " (last seen UploadComplete)");
        proxy.clear();
        assertThat(bulk.attach(e.jobIds().get(0)).await().successCount()).isEqualTo(4);
    }

    @Test
    void signInThatFailsMidJobGivesUpNamingTheJob() {
        proxy.on("POST", "/services/oauth2/token").times(Integer.MAX_VALUE).status(503, null);
        ORG.control().jobsRunAfterPolls(3);
        IngestOptions o = IngestOptions.builder().poll(ItOrg.FAST_POLL.toBuilder()
                .onProgress(j -> ORG.control().expireAccessTokens())
                .build()).build();
        BulkJobException e = catchThrowableOfType(BulkJobException.class,
                () -> bulk.insert("Account", BulkInput.ofRows(rows("Sign-in gives up ", 2)), o));
        assertThat(e.getCause()).isInstanceOf(AuthenticationException.class);
        assertThat(e.getMessage()).contains(e.jobIds().get(0)).contains("gave up after 4 attempts");
        proxy.clear();
        assertThat(bulk.attach(e.jobIds().get(0)).await().successCount()).isEqualTo(2);
    }

    @Test
    void uploadThatNeverGetsThroughLeavesNoOpenJobAndSaysSo() {
        proxy.on("PUT", "/batches").times(Integer.MAX_VALUE).drop();
        BulkJobException e = catchThrowableOfType(BulkJobException.class,
                () -> bulk.insert("Account", rows("Never uploaded ", 2)));
        assertThat(e.jobIds()).hasSize(4);
        assertThat(e.getMessage()).contains("nothing was loaded").contains("aborted").contains("best effort");
        proxy.clear();
        assertThat(e.jobIds()).allSatisfy(id -> assertThat(stateOf(id)).isEqualTo(JobState.ABORTED));
    }

    @Test
    void countersThatDisagreeWithTheRowsAreNeverASuccess() {
        proxy.on("GET", "/jobs/ingest/750[0-9A-Za-z]+$").times(Integer.MAX_VALUE).rewrite(body -> body
                .replaceAll("\"numberRecordsProcessed\"\\s*:\\s*5\\b", "\"numberRecordsProcessed\":4"));
        BulkResult r = bulk.insert("Account", rows("Counted ", 5));
        assertThat(r.job().numberRecordsProcessed()).hasValue(4);
        IncompleteResultException success = catchThrowableOfType(IncompleteResultException.class,
                r::successRecords);
        assertThat(success.expected()).isEqualTo(4);
        assertThat(success.received()).isEqualTo(5);
        IncompleteResultException unprocessed = catchThrowableOfType(IncompleteResultException.class,
                r::unprocessedRecords);
        assertThat(unprocessed.getMessage()).contains("4 of the input's 5 rows were processed");
        assertThat(unprocessed.expected()).isEqualTo(1);
    }

    @Test
    void aLostCreateAnswerLeavesNoOpenJobBehind() {
        proxy.on("POST", "/jobs/ingest$").cutClose(40);
        BulkResult r = bulk.insert("Account", rows("Lost create ", 3));
        assertThat(r.successRecords()).extracting(rec -> rec.get("Name"))
                .containsExactlyInAnyOrder("Lost create 0", "Lost create 1", "Lost create 2");
        assertThat(proxy.count("POST", "/jobs/ingest$")).isEqualTo(2);
        String orphan = proxy.requests().stream().filter(l -> l.startsWith("PATCH "))
                .map(l -> l.replaceAll(".*/jobs/ingest/", "")).findFirst().orElseThrow();
        assertThat(orphan).isNotEqualTo(r.job().id());
        assertThat(stateOf(orphan)).isEqualTo(JobState.ABORTED);
    }

    @Test
    void latin1InputIsTranscodedWhenItsCharsetIsGiven() throws IOException {
        Path file = tmp.resolve("latin1.csv");
        Files.write(file, "Name\nLatin café crème\n".getBytes(StandardCharsets.ISO_8859_1));
        BulkResult r = bulk.insert("Account", BulkInput.of(file, StandardCharsets.ISO_8859_1));
        assertThat(r.successRecords()).extracting(rec -> rec.get("Name")).containsExactly("Latin café crème");
        assertThat(bulk.query("SELECT Name FROM Account WHERE Name LIKE 'Latin %'").records())
                .extracting(rec -> rec.get("Name")).containsExactly("Latin café crème");
    }

    @Test
    void undecodableInputIsRefusedBeforeAnyJobNamingTheLine() throws IOException {
        Path file = tmp.resolve("latin1.csv");
        Files.write(file, "Name\nfine\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        long creates = proxy.count("POST", "/jobs/ingest$");
        assertThatThrownBy(() -> bulk.insert("Account", file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Line 3 of " + file)
                .hasMessageContaining("not valid UTF-8");
        assertThat(proxy.count("POST", "/jobs/ingest$")).isEqualTo(creates);
    }

    /** A clock the sleeper moves forward: waiting takes no real time. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
