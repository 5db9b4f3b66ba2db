package dev.kinetic.compat.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kinetic.compat.camel.CamelOrg.Login;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Jobs;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel's Bulk API 2.0 ingest operations ({@code bulk2CreateJob}, {@code bulk2CreateBatch}, {@code bulk2CloseJob},
 * {@code bulk2AbortJob}, {@code bulk2DeleteJob}, {@code bulk2GetJob}, {@code bulk2GetAllJobs} and the three result
 * sets; insert, upsert by external id and delete jobs) against one fresh org, signed in by JWT; each test checks
 * the records the org holds afterwards over raw HTTP. Tests use their own external keys, so they do not see each
 * other's records.
 */
class CamelBulk2IngestIT {
    private static final String HEADER = "Name,Industry,External_Key__c\n";

    @TempDir
    static Path tempDir;

    private static CamelOrg camel;

    @BeforeAll
    static void start() throws Exception {
        camel = CamelOrg.start(Login.JWT, tempDir);
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @Test
    void insertJobLeavesItsRecordsAndAnswersEachResultSet() {
        Job created = createInsertJob();
        assertThat(created.getState()).isEqualTo(JobStateEnum.OPEN);
        assertThat(created.getObject()).isEqualTo("Account");

        upload(created.getId(), HEADER + "Camel One,Technology,INS-1\n,Finance,INS-2\n\"Camel, Three\",Energy,INS-3\n");
        Job closed = camel.call("bulk2CloseJob", null, Map.of("jobId", created.getId()), Job.class);
        assertThat(closed.getState()).isIn(JobStateEnum.UPLOAD_COMPLETE, JobStateEnum.IN_PROGRESS,
                JobStateEnum.JOB_COMPLETE);

        Job done = awaitState(created.getId(), JobStateEnum.JOB_COMPLETE);
        assertThat(done.getNumberRecordsProcessed()).isEqualTo(3);
        assertThat(done.getNumberRecordsFailed()).isEqualTo(1);

        List<Map<String, String>> inOrg = camel.records().query(
                "SELECT Id, Name, Industry FROM Account WHERE External_Key__c LIKE 'INS-%' ORDER BY External_Key__c");
        assertThat(inOrg).extracting(r -> r.get("Name"), r -> r.get("Industry"))
                .containsExactly(tuple("Camel One", "Technology"),
                        tuple("Camel, Three", "Energy"));

        List<Map<String, String>> successful = results("bulk2GetSuccessfulResults", created.getId());
        assertThat(successful).extracting(r -> r.get("sf__Id"))
                .containsExactlyInAnyOrderElementsOf(inOrg.stream().map(r -> r.get("Id")).toList());
        assertThat(successful).allSatisfy(r -> assertThat(r.get("sf__Created")).isEqualTo("true"));
        assertThat(successful).extracting(r -> r.get("External_Key__c")).containsExactlyInAnyOrder("INS-1", "INS-3");

        List<Map<String, String>> failed = results("bulk2GetFailedResults", created.getId());
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.get("sf__Error")).startsWith("REQUIRED_FIELD_MISSING");
            assertThat(r.get("External_Key__c")).isEqualTo("INS-2");
        });

        assertThat(results("bulk2GetUnprocessedRecords", created.getId())).isEmpty();
    }

    @Test
    void abortedJobLeavesNoRecordsAndAnswersItsUploadAsUnprocessed() {
        Job created = createInsertJob();
        upload(created.getId(), HEADER + "Aborted One,Technology,ABT-1\nAborted Two,Finance,ABT-2\n");

        Job aborted = camel.call("bulk2AbortJob", null, Map.of("jobId", created.getId()), Job.class);
        assertThat(aborted.getState()).isEqualTo(JobStateEnum.ABORTED);
        assertThat(camel.call("bulk2GetJob", null, Map.of("jobId", created.getId()), Job.class).getState())
                .isEqualTo(JobStateEnum.ABORTED);

        assertThat(camel.records().query("SELECT Id FROM Account WHERE External_Key__c LIKE 'ABT-%'")).isEmpty();
        assertThat(results("bulk2GetUnprocessedRecords", created.getId()))
                .extracting(r -> r.get("Name"), r -> r.get("External_Key__c"))
                .containsExactly(tuple("Aborted One", "ABT-1"),
                        tuple("Aborted Two", "ABT-2"));
        assertThat(results("bulk2GetSuccessfulResults", created.getId())).isEmpty();
    }

    @Test
    void deletedJobIsGoneFromTheOrgAndItsRecordsStay() {
        Job created = createInsertJob();
        upload(created.getId(), HEADER + "Kept One,Technology,DEL-1\n");
        camel.call("bulk2CloseJob", null, Map.of("jobId", created.getId()), Job.class);
        awaitState(created.getId(), JobStateEnum.JOB_COMPLETE);

        camel.send("bulk2DeleteJob", null, Map.of("jobId", created.getId()));

        assertThat(camel.records().status("/services/data/v62.0/jobs/ingest/" + created.getId())).isEqualTo(404);
        assertThatThrownBy(() -> camel.call("bulk2GetJob", null, Map.of("jobId", created.getId()), Job.class))
                .hasMessageContaining("404");
        assertThat(camel.records().query("SELECT Name FROM Account WHERE External_Key__c = 'DEL-1'"))
                .extracting(r -> r.get("Name")).containsExactly("Kept One");
    }

    @Test
    void getAllJobsListsEveryIngestJobOfTheOrg() {
        Job first = createInsertJob();
        Job second = createInsertJob();

        Jobs all = camel.call("bulk2GetAllJobs", null, Map.of(), Jobs.class);

        assertThat(all.getDone()).isTrue();
        assertThat(all.getRecords()).extracting(Job::getId).contains(first.getId(), second.getId());
        assertThat(all.getRecords()).filteredOn(j -> j.getId().equals(second.getId())).singleElement()
                .satisfies(j -> {
                    assertThat(j.getObject()).isEqualTo("Account");
                    assertThat(j.getOperation()).isEqualTo(OperationEnum.INSERT);
                    assertThat(j.getState()).isEqualTo(JobStateEnum.OPEN);
                });
    }

    @Test
    void upsertByExternalIdThenDeleteByIdChangeTheOrgsRecords() {
        String existing = camel.records().seed("Account",
                List.of(Map.of("Name", "Before Upsert", "External_Key__c", "UPS-1"))).get(0);

        Job upsert = new Job();
        upsert.setObject("Account");
        upsert.setOperation(OperationEnum.UPSERT);
        upsert.setExternalIdFieldName("External_Key__c");
        upsert.setContentType(ContentTypeEnum.CSV);
        String upsertId = camel.runIngestJob(upsert,
                "External_Key__c,Name\nUPS-1,After Upsert\nUPS-2,New By Upsert\n").getId();
        assertThat(results("bulk2GetSuccessfulResults", upsertId))
                .extracting(r -> r.get("External_Key__c"), r -> r.get("sf__Created"))
                .containsExactlyInAnyOrder(tuple("UPS-1", "false"), tuple("UPS-2", "true"));
        List<Map<String, String>> upserted = camel.records()
                .query("SELECT Id, Name, External_Key__c FROM Account WHERE External_Key__c LIKE 'UPS-%'");
        assertThat(upserted).extracting(r -> r.get("External_Key__c"), r -> r.get("Name"))
                .containsExactlyInAnyOrder(tuple("UPS-1", "After Upsert"), tuple("UPS-2", "New By Upsert"));
        assertThat(upserted).filteredOn(r -> r.get("External_Key__c").equals("UPS-1"))
                .extracting(r -> r.get("Id")).containsExactly(existing);

        Job delete = new Job();
        delete.setObject("Account");
        delete.setOperation(OperationEnum.DELETE);
        delete.setContentType(ContentTypeEnum.CSV);
        Job deleted = camel.runIngestJob(delete, "Id\n" + existing + "\n");
        assertThat(deleted.getNumberRecordsFailed()).isZero();
        assertThat(camel.records().query("SELECT External_Key__c FROM Account WHERE External_Key__c LIKE 'UPS-%'"))
                .extracting(r -> r.get("External_Key__c")).containsExactly("UPS-2");
    }

    private static Job createInsertJob() {
        Job job = new Job();
        job.setObject("Account");
        job.setOperation(OperationEnum.INSERT);
        job.setContentType(ContentTypeEnum.CSV);
        Job created = camel.call("bulk2CreateJob", job, Map.of(), Job.class);
        assertThat(created.getId()).startsWith("750");
        return created;
    }

    private static void upload(String jobId, String csv) {
        camel.send("bulk2CreateBatch", csv, Map.of("jobId", jobId));
    }

    private static Job awaitState(String jobId, JobStateEnum state) {
        Job job = camel.awaitIngestJob(jobId);
        assertThat(job.getState()).isEqualTo(state);
        return job;
    }

    private static List<Map<String, String>> results(String operation, String jobId) {
        return Csv.rows(camel.call(operation, null, Map.of("jobId", jobId), String.class));
    }
}
