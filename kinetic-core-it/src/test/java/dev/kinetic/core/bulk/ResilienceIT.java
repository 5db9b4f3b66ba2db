package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.junit.FaultSpec;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries, exactly-once uploads and closes, and re-authentication, with faults injected by the local org. */
class ResilienceIT {
    @RegisterExtension
    static final LocalOrgExtension ORG = ItOrg.extension();

    private SalesforceClient client;
    private BulkClient bulk;

    @BeforeEach
    void start(SalesforceClient client) {
        this.client = client;
        this.bulk = client.bulk();
    }

    private static List<Map<String, Object>> named(String prefix, int n) {
        return IntStream.range(0, n).<Map<String, Object>>mapToObj(i -> Map.of("Name", prefix + " " + i)).toList();
    }

    private long count(String prefix) {
        return bulk.query("SELECT Id FROM Account WHERE Name LIKE '" + prefix + " %'").recordCount();
    }

    @Test
    void transientStatusesAreRetriedHonouringRetryAfter() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        SalesforceClient recording = SalesforceClient.builder()
                .authenticator(JwtAuthenticator.fromEnv(ItOrg.jwtEnv(ORG.credentials())))
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(2)).sleeper(d -> waits.add(d)).build();
        ORG.control().inject(FaultSpec.on("GET", ".*/jobs/ingest").respond(429).retryAfter(Duration.ofSeconds(7))
                .times(1));
        ORG.control().inject(FaultSpec.on("GET", ".*/jobs/ingest").respond(503).times(2));
        BulkJobPage page = recording.bulk().listJobs(JobKind.INGEST);
        assertThat(page.jobs()).isNotNull();
        assertThat(waits).contains(Duration.ofSeconds(7));
        assertThat(waits).hasSize(3);
        assertThat(waits.stream().filter(d -> !d.equals(Duration.ofSeconds(7))))
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(2)));
    }

    @Test
    void retriesGiveUpAfterTheLimitWithTheStatus() {
        SalesforceClient fewRetries = SalesforceClient.builder().session(SalesforceSession.of(ORG.org().baseUri(),
                ORG.org().accessToken())).maxRetries(2).sleeper(d -> { }).build();
        ORG.control().inject(FaultSpec.on("GET", ".*/jobs/query").respond(500));
        assertThatThrownBy(() -> fewRetries.bulk().listJobs(JobKind.QUERY)).isInstanceOf(BulkApiException.class)
                .satisfies(e -> assertThat(((BulkApiException) e).httpStatus()).isEqualTo(500));
    }

    @Test
    void uploadThatFailsAfterTheServerReadItGoesToAFreshJobOnce() {
        ORG.control().inject(FaultSpec.on("PUT", ".*/batches/?").respond(503).times(1).afterHandling());
        BulkResult r = bulk.insert("Account", named("AfterPut", 20));
        assertThat(r.successCount()).isEqualTo(20);
        ORG.control().clearFaults();
        assertThat(count("AfterPut")).isEqualTo(20);
    }

    @Test
    void droppedUploadConnectionGoesToAFreshJobOnce() {
        ORG.control().inject(FaultSpec.on("PUT", ".*/batches/?").dropConnection().times(2));
        BulkResult r = bulk.insert("Account", named("DropPut", 20));
        assertThat(r.successCount()).isEqualTo(20);
        ORG.control().clearFaults();
        assertThat(count("DropPut")).isEqualTo(20);
    }

    @Test
    void closeThatFailsAfterTakingEffectIsConfirmedByReadingTheJob() {
        ORG.control().inject(FaultSpec.on("PATCH", ".*/jobs/ingest/[^/]+/?").respond(503).times(1).afterHandling());
        BulkResult r = bulk.insert("Account", named("AfterClose", 15));
        assertThat(r.successCount()).isEqualTo(15);
        ORG.control().clearFaults();
        assertThat(count("AfterClose")).isEqualTo(15);
    }

    @Test
    void closeThatNeverArrivedIsSentAgain() {
        ORG.control().inject(FaultSpec.on("PATCH", ".*/jobs/ingest/[^/]+/?").dropConnection().times(1));
        BulkResult r = bulk.insert("Account", named("DroppedClose", 15));
        assertThat(r.successCount()).isEqualTo(15);
        ORG.control().clearFaults();
        assertThat(count("DroppedClose")).isEqualTo(15);
    }

    @Test
    void expiredSessionIsRenewedOnceThroughTheAuthenticator() {
        AtomicBoolean expired = new AtomicBoolean();
        IngestOptions o = IngestOptions.builder().poll(ItOrg.FAST_POLL.toBuilder().onProgress(j -> {
            if (expired.compareAndSet(false, true)) {
                ORG.control().expireAccessTokens();
            }
        }).build()).build();
        String before = client.session().accessToken();
        BulkResult r = bulk.insert("Account", BulkInput.ofRows(named("Expiry", 5)), o);
        assertThat(r.successCount()).isEqualTo(5);
        assertThat(r.successRecords()).hasSize(5);
        assertThat(client.session().accessToken()).isNotEqualTo(before);
    }

    @Test
    void sessionWithoutAuthenticatorFailsWithInvalidSession() {
        SalesforceClient plain = new SalesforceClient(SalesforceSession.of(ORG.org().baseUri(),
                ORG.org().accessToken()));
        ORG.control().expireAccessTokens();
        assertThatThrownBy(() -> plain.bulk().listJobs(JobKind.INGEST)).isInstanceOf(BulkApiException.class)
                .satisfies(e -> assertThat(((BulkApiException) e).errorCode()).isEqualTo("INVALID_SESSION_ID"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(plain.session().accessToken()));
    }

    /** Issue 3, point 8: 10 % of requests fail (429, 500, 503, dropped) and the session expires mid-job. */
    @Test
    void twoHundredThousandRowsLoadExactlyOnceUnderFaults() {
        int n = 200_000;
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("Name", "Chaos " + i, "External_Key__c", "CHAOS-" + i, "NumberOfEmployees", i));
        }
        IngestOptions o = ItOrg.FAST.toBuilder().maxBytesPerJob(2 * 1024 * 1024).parallelJobs(3).build();
        injectTenPercentFaults();
        AtomicBoolean expired = new AtomicBoolean();
        IngestOptions withExpiry = o.toBuilder().poll(ItOrg.FAST_POLL.toBuilder().onProgress(j -> {
            if (expired.compareAndSet(false, true)) {
                ORG.control().expireAccessTokens();
            }
        }).build()).build();
        BulkResult inserted = bulk.insert("Account", BulkInput.ofRows(rows), withExpiry);
        assertEveryRowReported(inserted, n);

        List<Map<String, Object>> upserts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            upserts.add(Map.of("External_Key__c", "CHAOS-" + ((i * 7919) % n), "Name", "Chaos upserted " + i));
        }
        expired.set(false);
        BulkResult upserted = bulk.upsert("Account", BulkInput.ofRows(upserts), "External_Key__c", withExpiry);
        assertEveryRowReported(upserted, n);
        assertThat(upserted.successRecords()).allSatisfy(r -> assertThat(r.created()).contains(false));
        ORG.control().clearFaults();
        assertThat(bulk.query("SELECT Id FROM Account WHERE External_Key__c LIKE 'CHAOS-%'")
                .recordCount()).isEqualTo(n);
        assertThat(bulk.query("SELECT Id FROM Account WHERE Name LIKE 'Chaos upserted %'")
                .recordCount()).isEqualTo(n);
    }

    private static void injectTenPercentFaults() {
        FaultSpec everyCall = FaultSpec.on(null, "/services/.*");
        ORG.control().inject(everyCall.respond(429).retryAfter(Duration.ofSeconds(1)).rate(0.025, 1));
        ORG.control().inject(everyCall.respond(500).rate(0.025, 2));
        ORG.control().inject(everyCall.respond(503).afterHandling().rate(0.025, 3));
        ORG.control().inject(everyCall.dropConnection().rate(0.025, 4));
    }

    private static void assertEveryRowReported(BulkResult r, int n) {
        assertThat(r.successCount()).isEqualTo(n);
        assertThat(r.failedCount()).isZero();
        boolean[] seen = new boolean[n];
        long rows = 0;
        try (BulkRecordStream s = r.streamSuccessRecords()) {
            for (BulkRecord rec : s) {
                int i = (int) rec.inputIndex();
                assertThat(i).isBetween(0, n - 1);
                assertThat(seen[i]).as("input row %d reported twice", i).isFalse();
                seen[i] = true;
                rows++;
            }
        }
        assertThat(rows).isEqualTo(n);
    }
}
