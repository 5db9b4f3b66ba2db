package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.schema.SObjectDescribe;
import dev.kinetic.core.schema.SObjectField;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.junit.FaultSpec;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The describe API and reading a query job's results page by page (as the Spark data source does). */
class ResultPagesIT {
    private static final int ROWS = 250;
    /** The rows inserted before all tests are read by every test: no reset between them. */
    @RegisterExtension
    static final LocalOrgExtension ORG = ItOrg.extensionBuilder().resetBeforeEachTest(false).build();
    private static SalesforceClient client;

    @BeforeAll
    static void start(SalesforceClient shared) {
        client = shared;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Map.of("Name", "P" + i));
        }
        assertThat(client.bulk().insert("Account", BulkInput.ofRows(rows), ItOrg.FAST).successCount())
                .isEqualTo(ROWS);
    }

    @Test
    void describeGivesTypesSizesFlagsAndRelationships() {
        SObjectDescribe account = client.describe("Account");
        assertThat(account.name()).isEqualTo("Account");
        SObjectField id = account.field("id").orElseThrow();
        assertThat(id.type()).isEqualTo("id");
        assertThat(id.idLookup()).isTrue();
        SObjectField name = account.field("Name").orElseThrow();
        assertThat(name.type()).isEqualTo("string");
        assertThat(name.length()).isPositive();
        assertThat(name.createable()).isTrue();
        assertThat(name.nillable()).isFalse();
        SObjectField revenue = account.field("AnnualRevenue").orElseThrow();
        assertThat(revenue.type()).isEqualTo("currency");
        assertThat(revenue.precision()).isPositive();
        SObjectField owner = account.relationship("Owner").orElseThrow();
        assertThat(owner.name()).isEqualTo("OwnerId");
        assertThat(owner.referenceTo()).contains("User");
        assertThat(account.field("External_Key__c").orElseThrow().externalId()).isTrue();
    }

    @Test
    void describeOfAnUnknownObjectSaysNotFound() {
        assertThatThrownBy(() -> client.describe("NoSuchObject__c"))
                .isInstanceOfSatisfying(BulkApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
    }

    @Test
    void pagesListedAndReadOneByOneHoldEveryRowOnceEachWithItsHeader() throws IOException {
        BulkClient bulk = client.bulk();
        BulkJob job = bulk.runQuery("SELECT Name FROM Account", ItOrg.FAST_QUERY);
        assertThat(job.state()).isEqualTo(JobState.JOB_COMPLETE);
        List<String> urls = bulk.queryResultPageUrls(job.id(),
                QueryOptions.builder().maxRecordsPerPage(40).build()).orElseThrow();
        assertThat(urls).hasSize(7); // 250 rows in pages of 40, listed 5 per answer: the continuation is followed
        List<String> names = new ArrayList<>();
        for (String url : urls) {
            try (InputStream in = bulk.queryResultPage(job.id(), url)) {
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                assertThat(lines[0]).isEqualTo("\"Name\"");
                for (int i = 1; i < lines.length; i++) {
                    names.add(lines[i]);
                }
            }
        }
        assertThat(names).hasSize(ROWS).doesNotHaveDuplicates();
    }

    @Test
    void aPageWhoseConnectionDropsIsStillReadWhole() throws IOException {
        BulkClient bulk = client.bulk();
        BulkJob job = bulk.runQuery("SELECT Name FROM Account", ItOrg.FAST_QUERY);
        String url = bulk.queryResultPageUrls(job.id(), QueryOptions.defaults()).orElseThrow().get(0);
        ORG.control().inject(FaultSpec.onResults().dropConnection().times(1));
        try (InputStream in = bulk.queryResultPage(job.id(), url)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")).hasSize(ROWS + 1);
        } finally {
            ORG.control().clearFaults();
        }
    }
}
