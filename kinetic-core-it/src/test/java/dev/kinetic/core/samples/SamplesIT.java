package dev.kinetic.core.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkQueryResult;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.LocalOrgCredentials;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs every sample against a local org, emptied before each, and checks its effect in the org. */
@LocalOrgTest
class SamplesIT {
    private SalesforceClient client;
    private LocalOrgCredentials credentials;
    private LocalOrgControl control;

    @BeforeEach
    void start(SalesforceClient client, LocalOrgCredentials credentials, LocalOrgControl control) {
        this.client = client;
        this.credentials = credentials;
        this.control = control;
    }

    private BulkQueryResult query(String soql) {
        return client.bulk().query(soql);
    }

    private List<String> ids(String... names) {
        BulkResult r = client.bulk().insert("Account", List.of(names).stream()
                .<Map<String, Object>>map(n -> Map.of("Name", n)).toList());
        String[] ids = new String[names.length];
        r.successRecords().forEach(x -> ids[(int) x.inputIndex()] = x.id().orElseThrow());
        return List.of(ids);
    }

    @Test
    void theQuickStartTwinRunsEndToEnd() {
        List<String> names = QuickStart.run(JwtAuthenticator.fromEnv(ItOrg.jwtEnv(credentials)));
        assertThat(names).containsExactly("Acme Corp", "Async", "BATCH 1", "BATCH 2", "Global Inc", "Large 1",
                "Large 2", "New or Existing 1", "New or Existing 2", "Retried", "Retry ok", "Valid");
        assertThat(query("SELECT Industry, AnnualRevenue FROM Account WHERE Name IN ('Acme Corp','Global Inc') "
                + "ORDER BY Name").records()).extracting(r -> r.get("Industry") + "/" + r.get("AnnualRevenue"))
                .containsExactly("Software/null", "Finance/5000000");
        assertThat(query("SELECT Status__c FROM Account WHERE Name LIKE 'Large %'").records())
                .extracting(r -> r.get("Status__c")).containsExactly("Processed", "Processed");
    }

    @Test
    void insertSampleCreatesThreeAccounts() {
        BulkResult r = InsertSample.run(client);
        assertThat(r.successCount()).isEqualTo(3);
        assertThat(query("SELECT Name, Industry FROM Account ORDER BY Name").records())
                .extracting(x -> x.get("Name") + "/" + x.get("Industry"))
                .containsExactly("Acme Corp/Technology", "Global Inc/Finance", "Tech Solutions/Software");
    }

    @Test
    void updateSampleChangesIndustryAndRevenue() {
        List<String> ids = ids("One", "Two");
        assertThat(UpdateSample.run(client, ids.get(0), ids.get(1)).successCount()).isEqualTo(2);
        assertThat(query("SELECT Industry, AnnualRevenue FROM Account ORDER BY Name").records())
                .extracting(x -> x.get("Industry") + "/" + x.get("AnnualRevenue"))
                .containsExactly("Software/null", "null/5000000");
    }

    @Test
    void upsertSampleTwiceLeavesTwoAccounts() {
        assertThat(UpsertSample.run(client).successRecords()).allSatisfy(x -> assertThat(x.created()).contains(true));
        assertThat(UpsertSample.run(client).successRecords()).allSatisfy(x -> assertThat(x.created()).contains(false));
        assertThat(query("SELECT Id FROM Account WHERE External_Key__c IN ('EXT001','EXT002')").recordCount())
                .isEqualTo(2);
    }

    @Test
    void deleteSampleMovesAccountsToTheRecycleBin() {
        List<String> ids = ids("Gone 1", "Gone 2");
        assertThat(DeleteSample.run(client, ids).successCount()).isEqualTo(2);
        assertThat(query("SELECT Id FROM Account").recordCount()).isZero();
        assertThat(client.bulk().query("SELECT Id FROM Account WHERE IsDeleted = true", QueryOptions.builder()
                .includeDeleted(true).build()).recordCount()).isEqualTo(2);
    }

    @Test
    void querySampleReadsThisYearsAccounts() {
        ids("Seen 1", "Seen 2");
        BulkQueryResult r = QuerySample.run(client);
        assertThat(r.records()).extracting(x -> x.get("Name")).containsExactlyInAnyOrder("Seen 1", "Seen 2");
    }

    @Test
    void progressSampleReportsStatesUpToComplete() {
        control.jobsRunAfterPolls(2);
        List<BulkJob> seen = new CopyOnWriteArrayList<>();
        BulkResult r = ProgressSample.run(client, 2000, Duration.ofMillis(10), seen::add);
        assertThat(r.successCount()).isEqualTo(2000);
        assertThat(seen).extracting(BulkJob::state).contains(JobState.JOB_COMPLETE);
        assertThat(seen.size()).isGreaterThan(1);
    }

    @Test
    void errorHandlingSampleFindsTheNamelessRow() {
        BulkResult r = ErrorHandlingSample.run(client);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.fields()).containsExactly("Name");
            assertThat(e.inputIndex()).isEqualTo(1);
        });
        assertThat(query("SELECT Name FROM Account").records()).extracting(x -> x.get("Name"))
                .containsExactly("Valid account");
    }

    @Test
    void asyncSampleAwaitsTheJobItStarted() {
        control.jobsRunAfterPolls(2);
        BulkResult r = AsyncSample.run(client);
        assertThat(r.job().state()).isEqualTo(JobState.JOB_COMPLETE);
        assertThat(r.successCount()).isEqualTo(1);
        assertThat(query("SELECT Name FROM Account").records()).extracting(x -> x.get("Name"))
                .containsExactly("Async account");
    }

    @Test
    void retrySampleLoadsTheFixedRowOnly() {
        BulkResult r = RetryFailedRecordsSample.run(client);
        assertThat(r.successCount()).isEqualTo(1);
        assertThat(query("SELECT Name FROM Account ORDER BY Name").records()).extracting(x -> x.get("Name"))
                .containsExactly("Fixed: Retry missing name", "Retry ok 1", "Retry ok 2");
    }

    @Test
    void exportAndTransformSampleUpperCasesNames() {
        ids("lower one", "lower two");
        BulkResult r = ExportAndTransformSample.run(client, "SELECT Id, Name FROM Account LIMIT 10000");
        assertThat(r.successCount()).isEqualTo(2);
        assertThat(query("SELECT Name FROM Account ORDER BY Name").records()).extracting(x -> x.get("Name"))
                .containsExactly("LOWER ONE", "LOWER TWO");
    }

    @Test
    void incrementalUpdatesSampleMarksTodaysAccounts() {
        ids("Today 1", "Today 2");
        BulkResult r = IncrementalUpdatesSample.run(client);
        assertThat(r.successCount()).isEqualTo(2);
        assertThat(query("SELECT Status__c FROM Account").records()).extracting((BulkRecord x) -> x.get("Status__c"))
                .containsOnly("Processed");
    }

    @Test
    void typedRecordsSampleLinksContactsByExternalIdAndReadsThemBack() {
        List<TypedRecordsSample.Contact> contacts = TypedRecordsSample.run(client);
        assertThat(contacts).extracting(c -> c.firstName() + " " + c.lastName() + " " + c.birthdate() + " "
                + c.account().name()).containsExactly("Ada Lovelace 1815-12-10 Acme Corp",
                "Alan Turing 1912-06-23 Global Inc");
        assertThat(contacts).allSatisfy(c -> assertThat(c.id()).startsWith("003"));
        assertThat(query("SELECT LastName FROM Contact WHERE LastName = 'Hopper'").records()).isEmpty();
        assertThat(query("SELECT AnnualRevenue FROM Account WHERE External_Key__c = 'ACME'").records().get(0)
                .get("AnnualRevenue")).isEqualTo("1250000.5");
    }
}
