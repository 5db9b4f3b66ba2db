package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.junit.FaultProxy;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every read path cut mid-body by a proxy, close-delimited (the short body looks complete) and chunked (the body
 * errors): query pages, parallel result pages, exports, the three ingest result sets, JobInfo and the token
 * answer. Each test asserts the exact rows the caller ends up with, or the named failure when a read stays short.
 */
class TruncatedReadsIT {
    private static final int ROWS = 300;
    private static final String SOQL = "SELECT Name, NumberOfEmployees, Description FROM Account WHERE Name LIKE "
            + "'Cut %' ORDER BY NumberOfEmployees";
    /** The rows inserted before all tests are read by every test: no reset between them. */
    @RegisterExtension
    static final LocalOrgExtension ORG = ItOrg.extensionBuilder().resetBeforeEachTest(false).build();
    private static FaultProxy proxy;
    private static SalesforceClient client;
    private static BulkClient bulk;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start(LocalOrgControl control) {
        proxy = control.faultProxy();
        client = proxied();
        bulk = client.bulk();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Map.of("Name", name(i), "NumberOfEmployees", i, "Description", "line1\nline2, \"q\""));
        }
        assertThat(ORG.client().bulk().insert("Account", rows).successCount()).isEqualTo(ROWS);
    }

    /** A client that signs in and talks to the org through the proxy, with back-offs of a few milliseconds. */
    static SalesforceClient proxied() {
        return ORG.clientBuilderThroughProxy().maxRetries(3).build();
    }

    @BeforeEach
    @AfterEach
    void clear() {
        proxy.clear();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static String name(int i) {
        return "Cut " + i + ", \"x\"";
    }

    private static List<String> expectedNames() {
        return IntStream.range(0, ROWS).mapToObj(TruncatedReadsIT::name).toList();
    }

    private static FaultProxy.Rule cut(FaultProxy.Rule rule, String how, int offset) {
        return how.equals("close") ? rule.cutClose(offset) : rule.cutChunked(offset);
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "chunked"})
    void queryPageCutMidRowIsReadAgainWithoutARowTwice(String how) {
        cut(proxy.on("GET", "/jobs/query/[^/]+/results").occurrence(2), how, 2_345);
        QueryOptions o = ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(100).build();
        List<String> names = new ArrayList<>();
        try (BulkRecordStream s = bulk.queryStream(SOQL, o)) {
            s.forEach(r -> names.add(r.get("Name")));
        }
        assertThat(names).containsExactlyElementsOf(expectedNames());
        assertThat(proxy.count("GET", "/jobs/query/[^/]+/results")).isEqualTo(4); // 3 pages, one read twice
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "chunked"})
    void parallelResultPageCutIsDownloadedAgain(String how) {
        cut(proxy.on("GET", "/jobs/query/[^/]+/results").occurrence(2), how, 1_000);
        QueryOptions o = ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(100).resultPages(3).build();
        List<String> names = bulk.query(SOQL, o).records().stream().map(r -> r.get("Name")).toList();
        assertThat(names).containsExactlyElementsOf(expectedNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "chunked"})
    void exportCutMidPageWritesTheExactFile(String how) throws IOException {
        Path clean = tmp.resolve("clean.csv");
        Path cutFile = tmp.resolve("cut.csv");
        QueryOptions o = ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(100).build();
        BulkExportResult reference = ORG.client().bulk().export(SOQL, clean, o);
        cut(proxy.on("GET", "/jobs/query/[^/]+/results").occurrence(3), how, 777);
        BulkExportResult result = bulk.export(SOQL, cutFile, o);
        assertThat(result.recordCount()).isEqualTo(ROWS).isEqualTo(reference.recordCount());
        assertThat(Files.readString(cutFile, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(clean, StandardCharsets.UTF_8));
    }

    @Test
    void exportThatStaysShortFailsNamingTheJobAndTheCounts() {
        proxy.on("GET", "/jobs/query/[^/]+/results").occurrence(2).times(Integer.MAX_VALUE).cutClose(500);
        QueryOptions o = ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(100).build();
        IncompleteResultException e = catchThrowableOfType(IncompleteResultException.class,
                () -> bulk.export(SOQL, tmp.resolve("short.csv"), o));
        assertThat(e.jobId()).startsWith("750");
        assertThat(e.expected()).isEqualTo(100);
        assertThat(e.received()).isLessThan(100);
        assertThat(e.getMessage()).contains(e.jobId()).contains("of the 100 rows");
    }

    @Test
    void queryStreamThatStaysShortNeverEndsAsComplete() {
        proxy.on("GET", "/jobs/query/[^/]+/results").occurrence(3).times(Integer.MAX_VALUE).cutClose(900);
        QueryOptions o = ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(100).build();
        List<String> names = new ArrayList<>();
        IncompleteResultException e = catchThrowableOfType(IncompleteResultException.class, () -> {
            try (BulkRecordStream s = bulk.queryStream(SOQL, o)) {
                s.forEach(r -> names.add(r.get("Name")));
            }
        });
        assertThat(e.expected()).isEqualTo(100);
        assertThat(e.received()).isEqualTo(names.size() - 200);
        assertThat(names).containsExactlyElementsOf(expectedNames().subList(0, names.size()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "chunked"})
    void ingestResultSetsCutMidRowAreReadAgain(String how) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(i % 10 == 0 ? Map.of("Name", "", "Description", "fails " + i)
                    : Map.of("Name", "Ingest cut " + how + " " + i, "Description", "a, \"b\"\nc"));
        }
        cut(proxy.on("GET", "/successfulResults"), how, 3_000);
        cut(proxy.on("GET", "/failedResults"), how, 300);
        BulkResult r = bulk.insert("Account", rows);
        assertThat(r.successRecords()).hasSize(180);
        assertThat(r.successRecords().stream().map(BulkRecord::inputIndex).sorted().toList())
                .isEqualTo(IntStream.range(0, 200).filter(i -> i % 10 != 0).asLongStream().boxed().toList());
        assertThat(r.failedRecords().stream().map(BulkRecord::inputIndex).sorted().toList())
                .isEqualTo(IntStream.range(0, 200).filter(i -> i % 10 == 0).asLongStream().boxed().toList());
        assertThat(proxy.count("GET", "/successfulResults")).isEqualTo(2);
        assertThat(proxy.count("GET", "/failedResults")).isEqualTo(2);
    }

    @Test
    void successfulResultsThatStayShortFailWithTheJobAndCounts() {
        proxy.on("GET", "/successfulResults").times(Integer.MAX_VALUE).cutClose(400);
        BulkResult r = bulk.insert("Account", IntStream.range(0, 50)
                .<Map<String, Object>>mapToObj(i -> Map.of("Name", "Short " + i)).toList());
        List<Long> seen = new ArrayList<>();
        IncompleteResultException e = catchThrowableOfType(IncompleteResultException.class, () -> {
            try (BulkRecordStream s = r.streamSuccessRecords()) {
                s.forEach(rec -> seen.add(rec.inputIndex()));
            }
        });
        assertThat(e.jobId()).isEqualTo(r.job().id());
        assertThat(e.what()).isEqualTo("successfulResults");
        assertThat(e.expected()).isEqualTo(50);
        assertThat(e.received()).isEqualTo(seen.size()).isLessThan(50);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "chunked"})
    void jobInfoCutIsAskedForAgain(String how) {
        cut(proxy.on("GET", "/jobs/ingest/750[0-9A-Za-z]+$"), how, 40);
        BulkResult r = bulk.insert("Account", List.of(Map.of("Name", "JobInfo cut " + how)));
        assertThat(r.successCount()).isEqualTo(1);
        assertThat(r.successRecords()).extracting(rec -> rec.get("Name")).containsExactly("JobInfo cut " + how);
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "chunked"})
    void tokenAnswerCutOrRefusedForAWhileIsAskedForAgain(String how) {
        cut(proxy.on("POST", "/services/oauth2/token"), how, 25);
        proxy.on("POST", "/services/oauth2/token").status(503, null);
        proxy.on("POST", "/services/oauth2/token").status(429, "0");
        try (SalesforceClient c = proxied()) {
            assertThat(c.bulk().query("SELECT Name FROM Account WHERE Name = 'Cut 7, \"x\"'")
                    .records()).extracting(rec -> rec.get("Name")).containsExactly(name(7));
        }
        assertThat(proxy.count("POST", "/services/oauth2/token")).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "chunked"})
    void unprocessedRecordsCutAreReadAgain(String how) throws IOException {
        StringBuilder csv = new StringBuilder("Name,Description\n");
        for (int i = 0; i < 40; i++) {
            csv.append("Unprocessed ").append(how).append(' ').append(i).append(",\"x, y\"\n");
        }
        Path file = Files.writeString(tmp.resolve("in.csv"), csv);
        ORG.control().jobsRunAfterPolls(100000);
        try {
            String id = bulk.startInsert("Account", BulkInput.of(file), ItOrg.FAST).jobId();
            bulk.abortJob(id);
            cut(proxy.on("GET", "/unprocessedrecords"), how, 200);
            JobFailedException e = catchThrowableOfType(JobFailedException.class,
                    () -> bulk.attach(id, BulkInput.of(file)).await(ItOrg.FAST_POLL));
            List<BulkRecord> left = e.partialResult().orElseThrow().unprocessedRecords();
            assertThat(left.stream().map(BulkRecord::inputIndex).toList())
                    .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 40).boxed().toList());
            assertThat(left).allSatisfy(rec -> assertThat(rec.get("Description")).isEqualTo("x, y"));
            assertThat(proxy.count("GET", "/unprocessedrecords")).isEqualTo(2);
        } finally {
            ORG.control().jobsRunImmediately();
        }
    }
}
