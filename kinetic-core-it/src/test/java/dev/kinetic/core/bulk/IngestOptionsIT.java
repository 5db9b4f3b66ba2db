package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ingest inputs and options, splitting, job management and job-level error paths against a local org. */
class IngestOptionsIT {
    @RegisterExtension
    static final LocalOrgExtension ORG = ItOrg.extension();
    private static SalesforceClient client;
    private static BulkClient bulk;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start(SalesforceClient shared) {
        client = shared;
        bulk = client.bulk();
    }

    private static long count(String where) {
        return bulk.query("SELECT Id FROM Account WHERE " + where).recordCount();
    }

    @ParameterizedTest
    @EnumSource(ColumnDelimiter.class)
    void csvFileWithAnyDelimiterAndCrlfIsLoadedAndMapped(ColumnDelimiter d) throws Exception {
        char c = d.character();
        String tag = "File-" + d.name();
        String csv = "Name" + c + "Description\r\n" + tag + " 1" + c + "\"has " + c + " and \"\"quotes\"\"\"\r\n"
                + tag + " 2" + c + "plain\r\n";
        Path file = tmp.resolve("in.csv");
        Files.writeString(file, csv);
        BulkResult r = bulk.insert("Account", BulkInput.of(file), ItOrg.FAST.toBuilder().columnDelimiter(d)
                .lineEnding(LineEnding.CRLF).build());
        assertThat(r.job().columnDelimiter()).isEqualTo(d);
        assertThat(r.job().lineEnding()).isEqualTo(LineEnding.CRLF);
        assertThat(r.successCount()).isEqualTo(2);
        assertThat(r.successRecords()).extracting(BulkRecord::inputIndex).containsExactlyInAnyOrder(0L, 1L);
        BulkQueryResult q = bulk.query("SELECT Description FROM Account WHERE Name = '" + tag + " 1'");
        assertThat(q.records()).extracting(x -> x.get("Description")).containsExactly("has " + c + " and \"quotes\"");
    }

    @Test
    void csvStreamAndMapStreamAreLoaded() {
        String csv = "Name,NumberOfEmployees\nStream A,10\nStream B,20\n";
        BulkResult fromBytes = bulk.insert("Account",
                BulkInput.of(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(fromBytes.successCount()).isEqualTo(2);
        Stream<Map<String, Object>> maps = IntStream.range(0, 5).mapToObj(i -> Map.of("Name", "MapStream " + i));
        BulkResult fromMaps = bulk.insert("Account", BulkInput.ofStream(maps));
        assertThat(fromMaps.successCount()).isEqualTo(5);
        assertThat(fromMaps.successRecords()).extracting(BulkRecord::inputIndex)
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
        assertThat(count("Name LIKE 'MapStream %'")).isEqualTo(5);
    }

    @Test
    void bigInputIsSplitIntoParallelJobsAndAggregated() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Name", i % 500 == 7 ? null : "Split " + i);
            m.put("NumberOfEmployees", i);
            rows.add(m);
        }
        AtomicLong uploaded = new AtomicLong();
        IngestOptions o = ItOrg.FAST.toBuilder().maxBytesPerJob(8 * 1024).parallelJobs(3)
                .onUploadProgress(uploaded::set).build();
        BulkResult r = bulk.insert("Account", BulkInput.ofRows(rows), o);
        assertThat(r.jobs().size()).isGreaterThan(3);
        assertThat(r.jobs()).extracting(BulkJob::id).doesNotHaveDuplicates();
        assertThat(r.successCount()).isEqualTo(2994);
        assertThat(r.failedCount()).isEqualTo(6);
        assertThat(uploaded.get()).isGreaterThan(3000L * 10);
        Set<Long> indexes = new HashSet<>();
        try (BulkRecordStream s = r.streamSuccessRecords()) {
            for (BulkRecord rec : s) {
                assertThat(rec.get("NumberOfEmployees")).isEqualTo(String.valueOf(rec.inputIndex()));
                indexes.add(rec.inputIndex());
            }
        }
        assertThat(indexes).hasSize(2994);
        assertThat(r.errors()).extracting(BulkError::inputIndex)
                .containsExactlyInAnyOrder(7L, 507L, 1007L, 1507L, 2007L, 2507L);
        assertThat(count("Name LIKE 'Split %'")).isEqualTo(2994);
    }

    @Test
    void unknownFieldFailsTheJobWithItsErrorMessageAndPartialResult() {
        List<Map<String, Object>> rows = List.of(Map.of("Name", "x", "Bogus__c", "y"));
        JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> bulk.insert("Account", rows));
        assertThat(e.job().state()).isEqualTo(JobState.FAILED);
        assertThat(e.errorMessage()).contains("Bogus__c");
        assertThat(e.getMessage()).contains(e.job().id()).contains("Bogus__c");
        assertThat(e.partialResult()).isPresent();
        assertThat(e.partialResult().get().successCount()).isZero();
        assertThat(e.partialResult().get().unprocessedRecords()).singleElement()
                .satisfies(u -> assertThat(u.inputIndex()).isEqualTo(0));
    }

    @Test
    void timeoutThrowsWithTheJobIdAndLeavesTheJobRunning() {
        ORG.control().jobsRunAfterPolls(1000);
        IngestOptions o = IngestOptions.builder().poll(ItOrg.FAST_POLL.toBuilder().timeout(Duration.ofMillis(50))
                .build()).build();
        BulkTimeoutException e = catchThrowableOfType(BulkTimeoutException.class,
                () -> bulk.insert("Account", BulkInput.ofRows(List.of(Map.of("Name", "Slow"))), o));
        assertThat(e.getMessage()).contains(e.jobId()).contains("still running");
        assertThat(bulk.getJob(e.jobId()).state().isTerminal()).isFalse();
        BulkJob aborted = bulk.abortJob(e.jobId());
        assertThat(aborted.state()).isEqualTo(JobState.ABORTED);
    }

    @Test
    void interruptStopsWaitingWithoutAbortingTheJob() throws Exception {
        ORG.control().jobsRunAfterPolls(1000);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<String> jobId = new AtomicReference<>();
        CountDownLatch polled = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                bulk.insert("Account", BulkInput.ofRows(List.of(Map.of("Name", "Interrupted"))), IngestOptions.builder()
                        .poll(ItOrg.FAST_POLL.toBuilder().onProgress(j -> {
                            jobId.set(j.id());
                            polled.countDown();
                        }).build()).build());
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        polled.await();
        t.interrupt();
        t.join(10_000);
        assertThat(thrown.get()).isInstanceOf(BulkInterruptedException.class);
        assertThat(((BulkInterruptedException) thrown.get()).jobId()).isEqualTo(jobId.get());
        assertThat(bulk.getJob(jobId.get()).state()).isNotEqualTo(JobState.ABORTED);
        bulk.abortJob(jobId.get());
    }

    @Test
    void jobsCanBeListedPagedDeletedAndTheirRawResultsRead() throws Exception {
        BulkResult r = bulk.insert("Account", List.of(Map.of("Name", "Listed")));
        String id = r.job().id();
        Set<String> seen = new HashSet<>();
        BulkJobPage page = bulk.listJobs(JobKind.INGEST);
        seen.addAll(page.jobs().stream().map(BulkJob::id).toList());
        while (!page.isLast()) {
            page = bulk.listJobs(JobKind.INGEST, page.nextPageToken().orElseThrow());
            seen.addAll(page.jobs().stream().map(BulkJob::id).toList());
        }
        assertThat(seen).contains(id);
        try (var in = bulk.successfulResults(id)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\"sf__Id\",\"sf__Created\"").contains("Listed");
        }
        try (var in = bulk.failedResults(id)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("Listed");
        }
        bulk.deleteJob(id);
        assertThatThrownBy(() -> bulk.getJob(id)).isInstanceOf(BulkApiException.class)
                .satisfies(e -> assertThat(((BulkApiException) e).httpStatus()).isEqualTo(404))
                .satisfies(e -> assertThat(((BulkApiException) e).errorCode()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void attachWithTheInputFileMapsRows() throws Exception {
        Path file = tmp.resolve("later.csv");
        Files.writeString(file, "Name,NumberOfEmployees\nLater A,1\nLater B,2\n");
        BulkJobHandle started = bulk.startInsert("Account", BulkInput.of(file), ItOrg.FAST);
        BulkResult done = bulk.attach(started.jobId(), BulkInput.of(file)).await(ItOrg.FAST_POLL);
        assertThat(done.successRecords()).allSatisfy(rec ->
                assertThat(rec.get("NumberOfEmployees")).isEqualTo(String.valueOf(rec.inputIndex() + 1)));
    }

    @Test
    void failedRowsOfAFileAreReadBackFromTheFileForRetry() throws Exception {
        Path file = tmp.resolve("retry.csv");
        Files.writeString(file, "Name,Industry,Description\nRetry file ok,Energy,a\n,Banking,\"needs, a name\"\n"
                + "Retry file ok 2,,b\n");
        BulkResult r = bulk.insert("Account", file);
        assertThat(r.failedCount()).isEqualTo(1);
        assertThat(r.failedRecordsForRetry()).containsExactly(Map.of("Industry", "Banking",
                "Description", "needs, a name"));
        assertThat(r.errors().get(0).inputIndex()).isEqualTo(1);
    }

    @Test
    void resultRowsStayMappableAfterTheResultItselfIsDropped() {
        List<Map<String, Object>> rows = IntStream.range(0, 200)
                .<Map<String, Object>>mapToObj(i -> Map.of("Name", "Dropped " + i)).toList();
        BulkRecordStream stream = bulk.insert("Account", rows).streamSuccessRecords();
        for (int i = 0; i < 5; i++) {
            System.gc(); // the result is unreachable now; its spool files must outlive the stream
        }
        try (stream) {
            assertThat(stream.stream().filter(r -> r.inputIndex() >= 0).count()).isEqualTo(200);
        }
    }

    @Test
    void nullClearsAFieldWhileAnAbsentKeyLeavesItAlone() {
        BulkResult ins = bulk.insert("Account", List.of(Map.of("Name", "Nulls", "Industry", "Energy",
                "Description", "keep me")));
        String id = ins.successRecords().get(0).id().orElseThrow();
        Map<String, Object> upd = new LinkedHashMap<>();
        upd.put("Id", id);
        upd.put("Industry", null);
        assertThat(bulk.update("Account", List.of(upd)).successCount()).isEqualTo(1);
        BulkRecord after = bulk.query("SELECT Industry, Description FROM Account WHERE Id = '" + id + "'").records().get(0);
        assertThat(after.get("Industry")).isNull();
        assertThat(after.get("Description")).isEqualTo("keep me");
    }
}
