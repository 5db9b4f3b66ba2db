package dev.kinetic.compat.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.compat.camel.CamelOrg.Login;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel's Bulk API 2.0 query operations ({@code bulk2CreateQueryJob}, {@code bulk2GetQueryJob},
 * {@code bulk2GetQueryJobResults} page by page with {@code locator} and {@code maxRecords},
 * {@code bulk2GetAllQueryJobs}, {@code bulk2AbortQueryJob}, {@code bulk2DeleteQueryJob}; query and queryAll)
 * against one fresh org
 * holding 2,500 seeded accounts, signed in by username and password; results are checked against the org's records
 * read over raw HTTP.
 */
class CamelBulk2QueryIT {
    private static final int ACCOUNTS = 2_500;

    @TempDir
    static Path tempDir;

    private static CamelOrg camel;

    @BeforeAll
    static void start() throws Exception {
        camel = CamelOrg.start(Login.PASSWORD, tempDir);
        camel.records().seedAccounts("Query", "Q", ACCOUNTS);
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @Test
    void queryJobResultsComeInPagesThroughTheLocatorAndMatchTheOrgsRecords() {
        QueryJob job = awaitComplete(createQueryJob("SELECT Id, Name, External_Key__c FROM Account"));
        assertThat(job.getNumberRecordsProcessed()).isEqualTo(ACCOUNTS);

        List<Map<String, String>> rows = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String locator = null;
        do {
            Map<String, Object> headers = locator == null ? Map.of("jobId", job.getId(), "maxRecords", 1000)
                    : Map.of("jobId", job.getId(), "maxRecords", 1000, "locator", locator);
            Exchange page = camel.send("bulk2GetQueryJobResults", null, headers);
            List<Map<String, String>> pageRows = Csv.rows(page.getMessage().getBody(String.class));
            pageSizes.add(pageRows.size());
            rows.addAll(pageRows);
            assertThat(page.getMessage().getHeader("Sforce-NumberOfRecords", String.class))
                    .isEqualTo(String.valueOf(pageRows.size()));
            locator = page.getMessage().getHeader("Sforce-Locator", String.class);
        } while (!"null".equals(locator));

        assertThat(pageSizes).containsExactly(1000, 1000, 500);
        assertThat(rows).containsExactlyInAnyOrderElementsOf(
                camel.records().query("SELECT Id, Name, External_Key__c FROM Account"));
    }

    @Test
    void getQueryJobAndGetAllQueryJobsDescribeTheJob() {
        QueryJob created = createQueryJob("SELECT Id FROM Account WHERE External_Key__c = 'Q-7'");
        assertThat(created.getOperation()).isEqualTo(OperationEnum.QUERY);
        QueryJob done = awaitComplete(created);
        assertThat(done.getObject()).isEqualTo("Account");
        assertThat(done.getNumberRecordsProcessed()).isEqualTo(1);

        QueryJobs all = camel.call("bulk2GetAllQueryJobs", null, Map.of(), QueryJobs.class);
        assertThat(all.getDone()).isTrue();
        assertThat(all.getRecords()).filteredOn(j -> j.getId().equals(created.getId())).singleElement()
                .satisfies(j -> {
                    assertThat(j.getState()).isEqualTo(JobStateEnum.JOB_COMPLETE);
                    assertThat(j.getObject()).isEqualTo("Account");
                });
    }

    @Test
    void abortedQueryJobNeverRuns() {
        camel.records().progression(Map.of("mode", "afterPolls", "polls", 1_000));
        QueryJob created;
        try {
            created = createQueryJob("SELECT Id FROM Account");
            QueryJob aborted = camel.call("bulk2AbortQueryJob", null, Map.of("jobId", created.getId()),
                    QueryJob.class);
            assertThat(aborted.getState()).isEqualTo(JobStateEnum.ABORTED);
        } finally {
            camel.records().progression(Map.of("mode", "immediate"));
        }
        QueryJob read = camel.call("bulk2GetQueryJob", null, Map.of("jobId", created.getId()), QueryJob.class);
        assertThat(read.getState()).isEqualTo(JobStateEnum.ABORTED);
        assertThat(read.getNumberRecordsProcessed()).isZero();
    }

    @Test
    void deletedQueryJobIsGoneFromTheOrg() {
        QueryJob job = awaitComplete(createQueryJob("SELECT Id FROM Account WHERE External_Key__c = 'Q-1'"));

        camel.send("bulk2DeleteQueryJob", null, Map.of("jobId", job.getId()));

        assertThat(camel.records().status("/services/data/v62.0/jobs/query/" + job.getId())).isEqualTo(404);
        QueryJobs all = camel.call("bulk2GetAllQueryJobs", null, Map.of(), QueryJobs.class);
        assertThat(all.getRecords()).extracting(QueryJob::getId).doesNotContain(job.getId());
    }

    @Test
    void queryAllJobAlsoReturnsDeletedRecords() {
        String id = camel.records().seed("Account", List.of(Map.of("Name", "Deleted Later", "External_Key__c",
                "QA-1"))).get(0);
        Job delete = new Job();
        delete.setObject("Account");
        delete.setOperation(OperationEnum.DELETE);
        delete.setContentType(ContentTypeEnum.CSV);
        camel.runIngestJob(delete, "Id\n" + id + "\n");
        String soql = "SELECT Id, IsDeleted FROM Account WHERE External_Key__c = 'QA-1'";

        QueryJob queryAll = awaitComplete(createQueryJob(OperationEnum.QUERY_ALL, soql));
        QueryJob query = awaitComplete(createQueryJob(OperationEnum.QUERY, soql));

        assertThat(Csv.rows(camel.call("bulk2GetQueryJobResults", null, Map.of("jobId", queryAll.getId()),
                String.class))).containsExactly(Map.of("Id", id, "IsDeleted", "true"));
        assertThat(Csv.rows(camel.call("bulk2GetQueryJobResults", null, Map.of("jobId", query.getId()),
                String.class))).isEmpty();
    }

    private static QueryJob createQueryJob(String soql) {
        return createQueryJob(OperationEnum.QUERY, soql);
    }

    private static QueryJob createQueryJob(OperationEnum operation, String soql) {
        QueryJob job = new QueryJob();
        job.setOperation(operation);
        job.setQuery(soql);
        QueryJob created = camel.call("bulk2CreateQueryJob", job, Map.of(), QueryJob.class);
        assertThat(created.getId()).startsWith("750");
        return created;
    }

    private static QueryJob awaitComplete(QueryJob job) {
        QueryJob done = CamelOrg.await(
                () -> camel.call("bulk2GetQueryJob", null, Map.of("jobId", job.getId()), QueryJob.class),
                j -> j.getState() == JobStateEnum.JOB_COMPLETE || j.getState() == JobStateEnum.FAILED
                        || j.getState() == JobStateEnum.ABORTED);
        assertThat(done.getState()).isEqualTo(JobStateEnum.JOB_COMPLETE);
        return done;
    }
}
