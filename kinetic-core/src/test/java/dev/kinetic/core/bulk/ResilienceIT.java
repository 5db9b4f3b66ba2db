package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.testing.TestOrg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retries, exactly-once uploads and closes, and re-authentication, with faults injected by the local org. */
class ResilienceIT {
    private static TestOrg org;
    private static SalesforceClient client;
    private static BulkClient bulk;

    @BeforeAll
    static void start() {
        org = TestOrg.start();
        client = org.client();
        bulk = client.bulk();
    }

    @AfterAll
    static void stop() {
        client.close();
        org.close();
    }

    @AfterEach
    void clear() {
        org.clearFaults();
    }

    private static List<Map<String, Object>> named(String prefix, int n) {
        return IntStream.range(0, n).<Map<String, Object>>mapToObj(i -> Map.of("Name", prefix + " " + i)).toList();
    }

    private static long count(String prefix) {
        return bulk.query("SELECT Id FROM Account WHERE Name LIKE '" + prefix + " %'").recordCount();
    }

    @Test
    void transientStatusesAreRetriedHonouringRetryAfter() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        SalesforceClient recording = SalesforceClient.builder()
                .authenticator(JwtAuthenticator.fromEnv(org.jwtEnv())).initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(2)).sleeper(d -> waits.add(d)).build();
        org.fault("{\"method\":\"GET\",\"pathRegex\":\".*/jobs/ingest\",\"status\":429,\"count\":1,"
                + "\"retryAfterSeconds\":7}");
        org.fault("{\"method\":\"GET\",\"pathRegex\":\".*/jobs/ingest\",\"status\":503,\"count\":2}");
        BulkJobPage page = recording.bulk().listJobs(JobKind.INGEST);
        assertThat(page.jobs()).isNotNull();
        assertThat(waits).contains(Duration.ofSeconds(7));
        assertThat(waits).hasSize(3);
        assertThat(waits.stream().filter(d -> !d.equals(Duration.ofSeconds(7))))
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(2)));
    }

    @Test
    void retriesGiveUpAfterTheLimitWithTheStatus() {
        SalesforceClient fewRetries = SalesforceClient.builder().session(SalesforceSession.of(org.baseUri(),
                org.org().accessToken())).maxRetries(2).sleeper(d -> { }).build();
        org.fault("{\"method\":\"GET\",\"pathRegex\":\".*/jobs/query\",\"status\":500}");
        assertThatThrownBy(() -> fewRetries.bulk().listJobs(JobKind.QUERY)).isInstanceOf(BulkApiException.class)
                .satisfies(e -> assertThat(((BulkApiException) e).httpStatus()).isEqualTo(500));
    }

    @Test
    void uploadThatFailsAfterTheServerReadItGoesToAFreshJobOnce() {
        org.fault("{\"method\":\"PUT\",\"pathRegex\":\".*/batches/?\",\"status\":503,\"count\":1,\"after\":true}");
        BulkResult r = bulk.insert("Account", named("AfterPut", 20));
        assertThat(r.successCount()).isEqualTo(20);
        org.clearFaults();
        assertThat(count("AfterPut")).isEqualTo(20);
    }

    @Test
    void droppedUploadConnectionGoesToAFreshJobOnce() {
        org.fault("{\"method\":\"PUT\",\"pathRegex\":\".*/batches/?\",\"drop\":true,\"count\":2}");
        BulkResult r = bulk.insert("Account", named("DropPut", 20));
        assertThat(r.successCount()).isEqualTo(20);
        org.clearFaults();
        assertThat(count("DropPut")).isEqualTo(20);
    }

    @Test
    void closeThatFailsAfterTakingEffectIsConfirmedByReadingTheJob() {
        org.fault("{\"method\":\"PATCH\",\"pathRegex\":\".*/jobs/ingest/[^/]+/?\",\"status\":503,\"count\":1,"
                + "\"after\":true}");
        BulkResult r = bulk.insert("Account", named("AfterClose", 15));
        assertThat(r.successCount()).isEqualTo(15);
        org.clearFaults();
        assertThat(count("AfterClose")).isEqualTo(15);
    }

    @Test
    void closeThatNeverArrivedIsSentAgain() {
        org.fault("{\"method\":\"PATCH\",\"pathRegex\":\".*/jobs/ingest/[^/]+/?\",\"drop\":true,\"count\":1}");
        BulkResult r = bulk.insert("Account", named("DroppedClose", 15));
        assertThat(r.successCount()).isEqualTo(15);
        org.clearFaults();
        assertThat(count("DroppedClose")).isEqualTo(15);
    }

    @Test
    void expiredSessionIsRenewedOnceThroughTheAuthenticator() {
        AtomicBoolean expired = new AtomicBoolean();
        IngestOptions o = IngestOptions.builder().poll(TestOrg.FAST_POLL.toBuilder().onProgress(j -> {
            if (expired.compareAndSet(false, true)) {
                org.expireTokens();
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
        SalesforceClient plain = new SalesforceClient(SalesforceSession.of(org.baseUri(), org.org().accessToken()));
        org.expireTokens();
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
        IngestOptions o = TestOrg.FAST.toBuilder().maxBytesPerJob(2 * 1024 * 1024).parallelJobs(3).build();
        injectTenPercentFaults();
        AtomicBoolean expired = new AtomicBoolean();
        IngestOptions withExpiry = o.toBuilder().poll(TestOrg.FAST_POLL.toBuilder().onProgress(j -> {
            if (expired.compareAndSet(false, true)) {
                org.expireTokens();
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
        org.clearFaults();
        assertThat(bulk.query("SELECT Id FROM Account WHERE External_Key__c LIKE 'CHAOS-%'")
                .recordCount()).isEqualTo(n);
        assertThat(bulk.query("SELECT Id FROM Account WHERE Name LIKE 'Chaos upserted %'")
                .recordCount()).isEqualTo(n);
    }

    private static void injectTenPercentFaults() {
        org.fault("{\"pathRegex\":\"/services/.*\",\"status\":429,\"rate\":0.025,\"seed\":1,\"retryAfterSeconds\":1}");
        org.fault("{\"pathRegex\":\"/services/.*\",\"status\":500,\"rate\":0.025,\"seed\":2}");
        org.fault("{\"pathRegex\":\"/services/.*\",\"status\":503,\"rate\":0.025,\"seed\":3,\"after\":true}");
        org.fault("{\"pathRegex\":\"/services/.*\",\"drop\":true,\"rate\":0.025,\"seed\":4}");
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
