package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every use case of the quick start, through the public API, against a local org. */
class QuickStartIT {
    @RegisterExtension
    static final LocalOrgExtension ORG = ItOrg.extension();
    private static SalesforceClient client;
    private static BulkClient bulk;

    @BeforeAll
    static void start(SalesforceClient shared) {
        client = shared;
        bulk = client.bulk();
    }

    private static Map<String, Object> account(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void insertCreatesRecordsAndReportsTheirIdsPerInputRow() {
        List<Map<String, Object>> accounts = List.of(
                account("Name", "Acme Corp", "Industry", "Technology"),
                account("Name", "Global Inc", "Industry", "Finance"),
                account("Name", "Tech Solutions", "Industry", "Software"));
        BulkResult result = bulk.insert("Account", accounts);
        assertThat(result.successCount()).isEqualTo(3);
        assertThat(result.failedCount()).isZero();
        assertThat(result.successRecords()).hasSize(3);
        for (BulkRecord r : result.successRecords()) {
            assertThat(r.get("sf__Id")).hasSize(18).startsWith("001");
            assertThat(r.id()).contains(r.get("sf__Id"));
            assertThat(r.created()).contains(true);
            assertThat(r.get("Name")).isEqualTo(accounts.get((int) r.inputIndex()).get("Name"));
        }
        assertThat(result.successRecords()).extracting(BulkRecord::inputIndex).containsExactlyInAnyOrder(0L, 1L, 2L);
        assertThat(result.job().state()).isEqualTo(JobState.JOB_COMPLETE);
        assertThat(result.jobs()).hasSize(1);
    }

    @Test
    void updateChangesRecordsAndReportsErrors() {
        List<String> ids = insertNames("Upd A", "Upd B");
        List<Map<String, Object>> updates = List.of(
                account("Id", ids.get(0), "Industry", "Software"),
                account("Id", ids.get(1), "AnnualRevenue", 5000000));
        BulkResult result = bulk.update("Account", updates);
        assertThat(result.successCount()).isEqualTo(2);
        BulkQueryResult q = bulk.query("SELECT Id, Industry, AnnualRevenue FROM Account WHERE Id IN ('"
                + ids.get(0) + "','" + ids.get(1) + "') ORDER BY Name");
        assertThat(q.records()).extracting(r -> r.get("Industry")).containsExactly("Software", null);
        assertThat(q.records()).extracting(r -> r.get("AnnualRevenue")).containsExactly(null, "5000000");
    }

    @Test
    void updateWithoutIdIsRefusedBeforeAnythingIsSent() {
        long jobsBefore = bulk.listJobs(JobKind.INGEST).jobs().size();
        assertThatThrownBy(() -> bulk.update("Account", List.of(account("Name", "no id"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 0");
        assertThat(bulk.listJobs(JobKind.INGEST).jobs()).hasSize((int) jobsBefore);
    }

    @Test
    void upsertInsertsThenUpdatesByExternalId() {
        List<Map<String, Object>> records = List.of(
                account("External_Key__c", "QS-EXT001", "Name", "New or Existing 1"),
                account("External_Key__c", "QS-EXT002", "Name", "New or Existing 2"));
        BulkResult first = bulk.upsert("Account", records, "External_Key__c");
        assertThat(first.successCount()).isEqualTo(2);
        assertThat(first.successRecords()).allSatisfy(r -> assertThat(r.created()).contains(true));
        BulkResult second = bulk.upsert("Account", List.of(account("External_Key__c", "QS-EXT001", "Name", "Renamed")),
                "External_Key__c");
        assertThat(second.successRecords()).singleElement().satisfies(r -> {
            assertThat(r.created()).contains(false);
            assertThat(r.id()).isEqualTo(first.successRecords().stream().filter(x -> x.inputIndex() == 0)
                    .findFirst().orElseThrow().id());
        });
        assertThat(bulk.query("SELECT Name FROM Account WHERE External_Key__c = 'QS-EXT001'")
                .records()).extracting(r -> r.get("Name")).containsExactly("Renamed");
    }

    @Test
    void deleteAndHardDeleteRemoveRecords() {
        List<String> ids = insertNames("Del A", "Del B", "Del C");
        BulkResult deleted = bulk.delete("Account", ids.subList(0, 2));
        assertThat(deleted.successCount()).isEqualTo(2);
        assertThat(deleted.successRecords()).extracting(BulkRecord::inputIndex).containsExactlyInAnyOrder(0L, 1L);
        BulkResult hard = bulk.hardDelete("Account", ids.subList(2, 3));
        assertThat(hard.successCount()).isEqualTo(1);
        String in = "('" + String.join("','", ids) + "')";
        assertThat(bulk.query("SELECT Id FROM Account WHERE Id IN " + in).recordCount()).isZero();
        assertThat(bulk.query("SELECT Id FROM Account WHERE Id IN " + in, QueryOptions.builder().includeDeleted(true)
                .build()).records())
                .extracting(r -> r.get("Id")).containsExactlyInAnyOrderElementsOf(ids.subList(0, 2));
    }

    @Test
    void queryReturnsRecordsInMemory() {
        insertNames("Query Me 1", "Query Me 2");
        BulkQueryResult result = bulk.query("SELECT Id, Name, Industry, CreatedDate FROM Account "
                + "WHERE Name LIKE 'Query Me%' AND CreatedDate = THIS_YEAR");
        assertThat(result.recordCount()).isEqualTo(2);
        assertThat(result.columns()).containsExactly("Id", "Name", "Industry", "CreatedDate");
        assertThat(result.records()).extracting(r -> r.get("Name"))
                .containsExactlyInAnyOrder("Query Me 1", "Query Me 2");
        assertThat(result.job().isQuery()).isTrue();
    }

    @Test
    void progressCallbackSeesEachPolledSnapshot() {
        ORG.control().jobsRunAfterPolls(3);
        try {
            List<BulkJob> seen = new CopyOnWriteArrayList<>();
            List<Map<String, Object>> data = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                data.add(account("Name", "Progress " + i));
            }
            BulkResult r = bulk.insert("Account", BulkInput.ofRows(data), IngestOptions.builder()
                    .poll(ItOrg.FAST_POLL.toBuilder().onProgress(seen::add).build()).build());
            assertThat(r.successCount()).isEqualTo(50);
            assertThat(seen.size()).isGreaterThanOrEqualTo(2);
            assertThat(seen.get(seen.size() - 1).state()).isEqualTo(JobState.JOB_COMPLETE);
            assertThat(seen.get(seen.size() - 1).numberRecordsProcessed()).hasValue(50);
            assertThat(seen.get(0).state().isTerminal()).isFalse();
        } finally {
            ORG.control().jobsRunImmediately();
        }
    }

    @Test
    void failedRowsCarryErrorsAndTheirInputIndexes() {
        List<Map<String, Object>> records = List.of(
                account("Name", "Good 1"),
                account("Industry", "Nameless"),
                account("Name", "Good 2"));
        BulkResult result = bulk.insert("Account", records);
        assertThat(result.successCount()).isEqualTo(2);
        assertThat(result.failedCount()).isEqualTo(1);
        BulkError error = result.errors().get(0);
        assertThat(error.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(error.fields()).containsExactly("Name");
        assertThat(error.message()).contains("Required fields are missing");
        assertThat(error.inputIndex()).isEqualTo(1);
        assertThat(result.failedRecordsForRetry()).containsExactly(records.get(1));
    }

    @Test
    void asyncInsertReturnsAtOnceAndCanBeAwaitedLater() {
        ORG.control().jobsRunAfterPolls(2);
        try {
            BulkJobHandle started = bulk.startInsert("Account", BulkInput.ofRows(List.of(account("Name", "Async 1"))),
                    ItOrg.FAST);
            assertThat(started.isDone()).isFalse();
            String id = started.jobId();
            BulkJob job = bulk.getJob(id);
            assertThat(job.id()).isEqualTo(id);
            assertThat(job.state().isTerminal()).isFalse();
            BulkResult done = started.await();
            assertThat(done.successCount()).isEqualTo(1);
            assertThat(done.successRecords()).singleElement().satisfies(r -> assertThat(r.inputIndex()).isZero());
            BulkResult unknownInput = bulk.attach(id).await();
            assertThat(unknownInput.successRecords()).singleElement().satisfies(r -> {
                assertThat(r.findInputIndex()).isEmpty();
                assertThatThrownBy(r::inputIndex).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("attach(jobId, input)");
            });
        } finally {
            ORG.control().jobsRunImmediately();
        }
    }

    @Test
    void retryingFailedRecordsRetriesExactlyTheFailures() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(i % 4 == 2 ? account("Industry", "Missing name " + i) : account("Name", "Retry " + i));
        }
        BulkResult result = bulk.insert("Account", records);
        assertThat(result.failedCount()).isEqualTo(2);
        List<Map<String, Object>> retry = new ArrayList<>();
        for (Map<String, Object> r : result.failedRecordsForRetry()) {
            Map<String, Object> fixed = new HashMap<>(r);
            fixed.put("Name", "Fixed " + r.get("Industry"));
            retry.add(fixed);
        }
        assertThat(retry).extracting(m -> m.get("Industry")).containsExactly("Missing name 2", "Missing name 6");
        BulkResult again = bulk.insert("Account", retry);
        assertThat(again.successCount()).isEqualTo(2);
    }

    private static List<String> insertNames(String... names) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String n : names) {
            rows.add(account("Name", n));
        }
        BulkResult r = bulk.insert("Account", rows);
        String[] ids = new String[names.length];
        for (BulkRecord rec : r.successRecords()) {
            ids[(int) rec.inputIndex()] = rec.id().orElseThrow();
        }
        return List.of(ids);
    }
}
