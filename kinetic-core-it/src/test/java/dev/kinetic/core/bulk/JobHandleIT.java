package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job handle: start without waiting, poll, wait with a timeout, cancel, attach after a restart. */
class JobHandleIT {
    @RegisterExtension
    static final LocalOrgExtension ORG = ItOrg.extension();
    private static SalesforceClient client;
    private static BulkClient bulk;

    @BeforeAll
    static void start(SalesforceClient shared) {
        client = shared;
        bulk = client.bulk();
    }

    private static void slow(int polls) {
        ORG.control().jobsRunAfterPolls(polls);
    }

    private static List<Map<String, Object>> rows(String prefix, int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("Name", prefix + i, "NumberOfEmployees", i));
        }
        return rows;
    }

    @Test
    void startReturnsBeforeTheJobEndsAndAwaitGivesTheMappedResult() {
        slow(3);
        List<Map<String, Object>> rows = rows("Handle ", 4);
        BulkJobHandle handle = bulk.startInsert("Account", BulkInput.ofRows(rows), ItOrg.FAST);
        assertThat(handle.jobId()).startsWith("750");
        assertThat(handle.jobIds()).containsExactly(handle.jobId());
        assertThat(handle.isDone()).isFalse();
        assertThat(handle.poll()).singleElement().satisfies(j -> assertThat(j.state().isTerminal()).isFalse());
        BulkResult result = handle.await();
        assertThat(handle.isDone()).isTrue();
        assertThat(result.successCount()).isEqualTo(4);
        assertThat(result.job().state()).isEqualTo(JobState.JOB_COMPLETE);
        for (BulkRecord r : result.successRecords()) {
            assertThat(r.get("NumberOfEmployees")).isEqualTo(String.valueOf(r.inputIndex()));
        }
    }

    @Test
    void awaitWithATimeoutGivesUpAndLeavesTheJobRunning() {
        slow(1_000_000);
        BulkJobHandle handle = bulk.startInsert("Account", BulkInput.ofRows(rows("Timeout ", 2)), ItOrg.FAST);
        BulkTimeoutException e = catchThrowableOfType(BulkTimeoutException.class,
                () -> handle.await(Duration.ofMillis(50)));
        assertThat(e.jobId()).isEqualTo(handle.jobId());
        assertThat(e.getMessage()).contains("still running").contains("attach(\"" + handle.jobId() + "\")");
        assertThat(bulk.getJob(handle.jobId()).state().isTerminal()).isFalse();
        handle.cancel();
    }

    @Test
    void cancelAbortsAndAwaitThenThrowsAsAWaitingCallDoes() {
        slow(1_000_000);
        BulkJobHandle handle = bulk.startInsert("Account", BulkInput.ofRows(rows("Cancelled ", 3)), ItOrg.FAST);
        assertThat(handle.cancel()).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(JobState.ABORTED));
        assertThat(bulk.getJob(handle.jobId()).state()).isEqualTo(JobState.ABORTED);
        JobFailedException e = catchThrowableOfType(JobFailedException.class, handle::await);
        assertThat(e.job().id()).isEqualTo(handle.jobId());
        assertThat(e.job().state()).isEqualTo(JobState.ABORTED);
        assertThat(e.partialResult()).isPresent();
        assertThat(e.partialResult().get().unprocessedCount()).as("counted by streaming, none held").isEqualTo(3);
        assertThat(e.partialResult().get().unprocessedRecords()).extracting(BulkRecord::inputIndex)
                .containsExactlyInAnyOrder(0L, 1L, 2L);
        assertThat(e.partialResult().get().unprocessedCount()).isEqualTo(3);
        assertThat(catchThrowableOfType(JobFailedException.class, () -> bulk.awaitJob(handle.jobId(),
                ItOrg.FAST_POLL)).job().state()).isEqualTo(JobState.ABORTED);
    }

    @Test
    void aFailedJobThrowsTheSameExceptionFromEveryCall() {
        List<Map<String, Object>> bad = List.of(Map.of("Name", "x", "Bogus__c", "y"));
        JobFailedException waiting = catchThrowableOfType(JobFailedException.class,
                () -> bulk.insert("Account", bad));
        BulkJobHandle handle = bulk.startInsert("Account", BulkInput.ofRows(bad), ItOrg.FAST);
        JobFailedException awaited = catchThrowableOfType(JobFailedException.class, handle::await);
        JobFailedException attached = catchThrowableOfType(JobFailedException.class,
                () -> bulk.attach(handle.jobId()).await(ItOrg.FAST_POLL));
        JobFailedException job = catchThrowableOfType(JobFailedException.class,
                () -> bulk.awaitJob(handle.jobId(), ItOrg.FAST_POLL));
        for (JobFailedException e : List.of(waiting, awaited, attached, job)) {
            assertThat(e.job().state()).isEqualTo(JobState.FAILED);
            assertThat(e.errorMessage()).contains("Bogus__c");
        }
        assertThat(awaited.partialResult().orElseThrow().unprocessedRecords()).singleElement()
                .satisfies(r -> assertThat(r.inputIndex()).isZero());
    }

    @Test
    void attachAfterARestartMapsRowsWhenGivenTheInputAgain() {
        slow(2);
        List<Map<String, Object>> rows = new ArrayList<>(rows("Restart ", 3));
        rows.add(Map.of("NumberOfEmployees", 99)); // no Name: fails
        String jobId;
        try (SalesforceClient before = ORG.clientBuilder().build()) {
            jobId = before.bulk().startInsert("Account", BulkInput.ofRows(rows), ItOrg.FAST).jobId();
        }
        try (SalesforceClient after = ORG.clientBuilder().build()) {
            BulkResult result = after.bulk().attach(jobId, BulkInput.ofRows(rows)).await(ItOrg.FAST_POLL);
            assertThat(result.successCount()).isEqualTo(3);
            assertThat(result.successRecords()).extracting(BulkRecord::inputIndex)
                    .containsExactlyInAnyOrder(0L, 1L, 2L);
            assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.inputIndex()).isEqualTo(3));
            assertThat(result.failedRecordsForRetry()).containsExactly(rows.get(3));
            BulkResult unknown = after.bulk().attach(jobId).await(ItOrg.FAST_POLL);
            assertThat(unknown.successRecords()).allSatisfy(r -> assertThat(r.findInputIndex()).isEmpty());
        }
    }

    @Test
    void aSplitInputIsOneHandleOverEveryJob() {
        slow(2);
        List<Map<String, Object>> rows = rows("Split handle ", 600);
        BulkJobHandle handle = bulk.startInsert("Account", BulkInput.ofRows(rows),
                ItOrg.FAST.toBuilder().maxBytesPerJob(4 * 1024).parallelJobs(2).build());
        assertThat(handle.jobIds()).hasSizeGreaterThan(2).doesNotHaveDuplicates();
        assertThat(handle.jobId()).isEqualTo(handle.jobIds().get(0));
        BulkResult result = handle.await();
        assertThat(result.jobs()).extracting(BulkJob::id).containsExactlyElementsOf(handle.jobIds());
        assertThat(result.successCount()).isEqualTo(600);
        try (BulkRecordStream s = result.streamSuccessRecords()) {
            for (BulkRecord r : s) {
                assertThat(r.get("NumberOfEmployees")).isEqualTo(String.valueOf(r.inputIndex()));
            }
        }
    }
}
