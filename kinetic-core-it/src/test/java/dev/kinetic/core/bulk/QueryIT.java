package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Query and queryAll: in memory, streamed, exported, paged, parallel pages. */
class QueryIT {
    private static final int ROWS = 2500;
    /** The rows inserted before all tests are read by every test: no reset between them. */
    @RegisterExtension
    static final LocalOrgExtension ORG = ItOrg.extensionBuilder().resetBeforeEachTest(false).build();
    private static SalesforceClient client;
    private static BulkClient bulk;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start(SalesforceClient shared) {
        client = shared;
        bulk = client.bulk();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Map.of("Name", "Q \"quoted\", " + i, "NumberOfEmployees", i, "Description", "line1\nline2"));
        }
        assertThat(bulk.insert("Account", rows).successCount()).isEqualTo(ROWS);
    }

    private static final String SOQL = "SELECT Id, Name, NumberOfEmployees, Description FROM Account "
            + "WHERE Name LIKE 'Q %'";

    @Test
    void streamReadsEveryPageOnceSkippingRepeatedHeaders() {
        AtomicLong read = new AtomicLong();
        QueryOptions o = ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(300).onRecordsRead(read::set).build();
        Set<String> employees = new HashSet<>();
        try (BulkRecordStream s = bulk.queryStream(SOQL, o)) {
            assertThat(s.columns()).containsExactly("Id", "Name", "NumberOfEmployees", "Description");
            for (BulkRecord r : s) {
                assertThat(r.get("Description")).isEqualTo("line1\nline2");
                assertThat(r.get("Name")).startsWith("Q \"quoted\", ");
                employees.add(r.get("NumberOfEmployees"));
            }
        }
        assertThat(employees).hasSize(ROWS);
        assertThat(read.get()).isEqualTo(ROWS);
    }

    @Test
    void exportWritesOneHeaderAndEveryRecordToAFile() throws Exception {
        Path out = tmp.resolve("export.csv");
        AtomicLong read = new AtomicLong();
        BulkExportResult r = bulk.export(SOQL, out, ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(700)
                .onRecordsRead(read::set).build());
        assertThat(r.recordCount()).isEqualTo(ROWS);
        assertThat(r.bytes()).isEqualTo(Files.size(out));
        assertThat(read.get()).isEqualTo(ROWS);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\"Id\",\"Name\",\"NumberOfEmployees\",\"Description\"\n");
        assertThat(text.split("\"Id\",\"Name\"", -1)).hasSize(2);
        try (BulkRecordStream s = bulk.queryStream(SOQL)) {
            assertThat(s.stream().count()).isEqualTo(ROWS);
        }
    }

    @Test
    void parallelResultPagesGiveTheSameRecords() throws Exception {
        Path sequential = tmp.resolve("seq.csv");
        Path parallel = tmp.resolve("par.csv");
        String ordered = SOQL + " ORDER BY NumberOfEmployees";
        bulk.export(ordered, sequential, ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(400).build());
        BulkExportResult p = bulk.export(ordered, parallel, ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(400)
                .resultPages(3).build());
        assertThat(p.recordCount()).isEqualTo(ROWS);
        assertThat(Files.readString(parallel)).isEqualTo(Files.readString(sequential));
        BulkQueryResult q = bulk.query(ordered, ItOrg.FAST_QUERY.toBuilder().resultPages(2).build());
        assertThat(q.recordCount()).isEqualTo(ROWS);
        assertThat(q.records().get(ROWS - 1).get("NumberOfEmployees")).isEqualTo(String.valueOf(ROWS - 1));
    }

    @Test
    void exportUsesTheChosenDelimiterAndLineEnding() throws Exception {
        Path out = tmp.resolve("pipe.csv");
        bulk.export("SELECT Name FROM Account WHERE NumberOfEmployees = 3 AND Name LIKE 'Q %'", out,
                ItOrg.FAST_QUERY.toBuilder().columnDelimiter(ColumnDelimiter.PIPE).lineEnding(LineEnding.CRLF).build());
        assertThat(Files.readString(out)).isEqualTo("\"Name\"\r\n\"Q \"\"quoted\"\", 3\"\r\n");
    }

    @Test
    void aBareCarriageReturnInAValueSurvivesTheLoadItsMappedResultsAndTheQuery() {
        // Result files end rows with LF and quote every value; FastCSV (which read them before) merged a row holding
        // a bare CR inside quotes with the next row, so the load's results could not be mapped back.
        List<String> texts = List.of("first\rsecond", "\r", "plain", "\rlead", "trail\r");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(Map.of("Name", "CR " + i, "Description", texts.get(i), "NumberOfEmployees", 424_242));
        }
        BulkResult ins = bulk.insert("Account", rows);
        assertThat(ins.successCount()).isEqualTo(texts.size());
        assertThat(ins.successRecords()).extracting(r -> r.id().isPresent()).containsOnly(true);
        List<String> back = new ArrayList<>();
        for (BulkRecord r : bulk.query("SELECT Name, Description FROM Account WHERE NumberOfEmployees = 424242 "
                + "ORDER BY Name").records()) {
            back.add(r.get("Description"));
        }
        assertThat(back).containsExactlyElementsOf(texts);
    }

    @Test
    void queryAllSeesDeletedRecordsAndRawResultsConcatenatePages() throws Exception {
        BulkResult ins = bulk.insert("Account", List.of(Map.of("Name", "Soon deleted")));
        bulk.delete("Account", List.of(ins.successRecords().get(0).id().orElseThrow()));
        assertThat(bulk.query("SELECT Id FROM Account WHERE Name = 'Soon deleted'").recordCount())
                .isZero();
        BulkQueryResult all = bulk.query("SELECT Id, IsDeleted FROM Account WHERE Name = 'Soon deleted'",
                QueryOptions.builder().includeDeleted(true).build());
        assertThat(all.records()).singleElement().satisfies(r -> assertThat(r.get("IsDeleted")).isEqualTo("true"));
        try (var in = bulk.queryResults(all.job().id(), QueryOptions.builder().maxRecordsPerPage(1).build())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("\"Id\",\"IsDeleted\"\n")
                    .contains("\"true\"");
        }
    }

    @Test
    void malformedQueryIsABulkApiExceptionWithSalesforceCode() {
        assertThatThrownBy(() -> bulk.query("SELECT Nope__c FROM Account"))
                .isInstanceOf(BulkApiException.class)
                .satisfies(e -> assertThat(((BulkApiException) e).httpStatus()).isEqualTo(400))
                .satisfies(e -> assertThat(((BulkApiException) e).errorCode()).isEqualTo("INVALID_FIELD"))
                .hasMessageContaining("Nope__c");
    }

    @Test
    void serverMessageIsSalesforcesMessageAsSentAndTheRequestHasItsOwnAccessor() {
        assertThatThrownBy(() -> bulk.insert("Acount", java.util.List.of(java.util.Map.of("Name", "x"))))
                .isInstanceOfSatisfying(BulkApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALIDENTITY");
                    assertThat(e.serverMessage()).contains("Acount").doesNotContain("POST").doesNotContain("/jobs");
                    assertThat(e.request()).contains("POST /jobs/ingest");
                    assertThat(e.getMessage()).endsWith("(POST /jobs/ingest)");
                });
    }
}
