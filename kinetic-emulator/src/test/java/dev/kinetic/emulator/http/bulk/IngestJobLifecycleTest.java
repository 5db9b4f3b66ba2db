package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest job endpoints and state machine over raw HTTP, with stand-in engines. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestJobLifecycleTest {
    @TempDir
    static Path spool;
    private BulkServer s;

    @BeforeAll
    void start() throws Exception {
        s = BulkServer.start(spool);
    }

    @AfterEach
    void openGate() {
        s.engines.gate = null;
    }

    @AfterAll
    void stop() throws Exception {
        s.close();
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void createAnswersJobInfoFieldForFieldAsDocumented() throws Exception {
        HttpResponse<String> r = s.send("POST", BulkServer.V + "/jobs/ingest",
                "{\"object\":\"account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"External_Key__c\","
                        + "\"contentType\":\"CSV\",\"lineEnding\":\"CRLF\",\"columnDelimiter\":\"PIPE\","
                        + "\"somethingNew\":42}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode job = s.json(r);
        assertThat(names(job)).containsExactly("id", "operation", "object", "createdById", "createdDate",
                "systemModstamp", "state", "externalIdFieldName", "concurrencyMode", "contentType", "apiVersion",
                "contentUrl", "lineEnding", "columnDelimiter");
        String id = job.get("id").asText();
        assertThat(id).hasSize(18).startsWith("750");
        assertThat(job.get("object").asText()).isEqualTo("Account");
        assertThat(job.get("createdById").asText()).isEqualTo("005Kc0000000001AAA");
        assertThat(job.get("createdDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(job.get("state").asText()).isEqualTo("Open");
        assertThat(job.get("apiVersion").isNumber()).isTrue();
        assertThat(r.body()).contains("\"apiVersion\":62.0");
        assertThat(job.get("contentUrl").asText()).isEqualTo("services/data/v62.0/jobs/ingest/" + id + "/batches");
        assertThat(job.get("lineEnding").asText()).isEqualTo("CRLF");
        assertThat(job.get("columnDelimiter").asText()).isEqualTo("PIPE");
    }

    @Test
    void getShowsJobTypeAndCountersAndAssignmentRuleOnlyWhenGiven() throws Exception {
        String id = s.createIngest("{\"object\":\"Case\",\"operation\":\"insert\",\"assignmentRuleId\":\"01QKc0000000001\"}");
        JsonNode open = s.json(s.send("GET", BulkServer.V + "/jobs/ingest/" + id + "/", null));
        assertThat(names(open)).containsExactly("id", "operation", "object", "createdById", "createdDate",
                "systemModstamp", "state", "assignmentRuleId", "concurrencyMode", "contentType", "apiVersion",
                "jobType", "contentUrl", "lineEnding", "columnDelimiter", "numberRecordsProcessed",
                "numberRecordsFailed", "retries", "totalProcessingTime", "apiActiveProcessingTime",
                "apexProcessingTime");
        assertThat(open.get("jobType").asText()).isEqualTo("V2Ingest");
        assertThat(open.get("externalIdFieldName")).isNull();
        JsonNode done = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\nA\nFAIL\nC\n");
        assertThat(done.get("state").asText()).isEqualTo("JobComplete");
        assertThat(done.get("contentUrl")).isNull();
        assertThat(done.get("numberRecordsProcessed").asLong()).isEqualTo(3);
        assertThat(done.get("numberRecordsFailed").asLong()).isEqualTo(1);
        assertThat(done.get("errorMessage")).isNull();
    }

    @Test
    void closeAnswersUploadCompleteWithoutContentUrl() throws Exception {
        s.engines.gate = new java.util.concurrent.Semaphore(0);
        String id = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        s.upload(id, "Name\nA\n");
        HttpResponse<String> r = s.send("PATCH", BulkServer.V + "/jobs/ingest/" + id,
                "{\"state\":\"UploadComplete\",\"extra\":true}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode job = s.json(r);
        assertThat(job.get("state").asText()).isEqualTo("UploadComplete");
        assertThat(job.get("contentUrl")).isNull();
        assertThat(job.get("jobType")).isNull();
        s.engines.gate.release(100);
        assertThat(s.await("ingest", id, "JobComplete").get("numberRecordsProcessed").asInt()).isEqualTo(1);
    }

    @Test
    void refusesInvalidCreateBodiesWithSalesforceStyleErrors() throws Exception {
        assertError(s.send("POST", BulkServer.V + "/jobs/ingest", "{\"object\":\"Account\","), 400, "API_ERROR",
                "Malformed JSON");
        assertError(s.send("POST", BulkServer.V + "/jobs/ingest", "{\"operation\":\"insert\"}"), 400, "INVALIDJOB",
                "no object");
        assertError(s.send("POST", BulkServer.V + "/jobs/ingest", "{\"object\":\"Account\"}"), 400, "INVALIDJOB",
                "no operation");
        assertError(s.send("POST", BulkServer.V + "/jobs/ingest", "{\"object\":\"Account\",\"operation\":\"merge\"}"),
                400, "INVALIDJOB", "Invalid operation 'merge'");
        assertError(s.send("POST", BulkServer.V + "/jobs/ingest",
                "{\"object\":\"Account\",\"operation\":\"insert\",\"columnDelimiter\":\"COLON\"}"), 400, "INVALIDJOB",
                "columnDelimiter 'COLON'");
        assertError(s.send("POST", BulkServer.V + "/jobs/ingest",
                "{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"CR\"}"), 400, "INVALIDJOB",
                "lineEnding 'CR'");
        assertError(s.send("POST", BulkServer.V + "/jobs/ingest", "{\"object\":\"Account\",\"operation\":\"upsert\"}"),
                400, "INVALIDJOB", "External ID was blank for Account");
        assertError(s.send("POST", BulkServer.V + "/jobs/ingest", "{\"object\":\"Nope__c\",\"operation\":\"insert\"}"),
                400, "INVALIDENTITY", "Nope__c");
        assertError(s.send("POST", "/services/data/v40.0/jobs/ingest", "{\"object\":\"Account\",\"operation\":\"insert\"}"),
                404, "NOT_FOUND", "does not exist");
    }

    @Test
    void followsTheStateMachineWithDocumentedErrors() throws Exception {
        String id = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        String job = BulkServer.V + "/jobs/ingest/" + id;
        assertError(s.send("DELETE", job, null), 400, "API_ERROR",
                "Error encountered when deleting the job because the job is not terminated");
        assertError(s.send("PATCH", job, "{\"state\":\"JobComplete\"}"), 400, "INVALIDJOBSTATE", "UploadComplete or Aborted");
        assertError(s.send("PATCH", job, "{\"state\":"), 400, "API_ERROR", "Malformed JSON");
        s.upload(id, "Name\nA\n");
        assertError(s.send(s.request(job + "/batches").PUT(HttpRequest.BodyPublishers.ofString("Name\nB\n"))), 400,
                "INVALIDJOBSTATE", "already been uploaded");
        s.complete(id);
        assertError(s.send("PATCH", job, "{\"state\":\"UploadComplete\"}"), 400, "INVALIDJOBSTATE",
                "only an Open job");
        assertError(s.send(s.request(job + "/batches").PUT(HttpRequest.BodyPublishers.ofString("Name\nB\n"))), 400,
                "INVALIDJOBSTATE", "only be uploaded to an Open job");
        s.await("ingest", id, "JobComplete");
        assertError(s.send("PATCH", job, "{\"state\":\"Aborted\"}"), 400, "INVALIDJOBSTATE",
                "Aborting already Completed Job not allowed");
        HttpResponse<String> deleted = s.send("DELETE", job, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertError(s.send("GET", job, null), 404, "NOT_FOUND", "The requested resource does not exist");
        assertError(s.send("GET", BulkServer.V + "/jobs/query/" + id, null), 404, "NOT_FOUND", "does not exist");
    }

    @Test
    void abortsOpenJobsAndKeepsUploadedRowsAsUnprocessed() throws Exception {
        String id = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        s.upload(id, "Name\nA\nB\n");
        HttpResponse<String> r = s.send("PATCH", BulkServer.V + "/jobs/ingest/" + id, "{\"state\":\"Aborted\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(s.json(r).get("state").asText()).isEqualTo("Aborted");
        assertThat(s.text(BulkServer.V + "/jobs/ingest/" + id + "/unprocessedRecords")).isEqualTo("Name\nA\nB\n");
        assertError(s.send("PATCH", BulkServer.V + "/jobs/ingest/" + id, "{\"state\":\"Aborted\"}"), 400,
                "INVALIDJOBSTATE", "Aborting already Aborted Job not allowed");
        assertThat(s.send("DELETE", BulkServer.V + "/jobs/ingest/" + id, null).statusCode()).isEqualTo(204);
    }

    @Test
    void abortDuringProcessingStopsFurtherBatchesAndReportsTheirRowsUnprocessed() throws Exception {
        s.engines.gate = new java.util.concurrent.Semaphore(0);
        s.engines.firstBatchStarted = new java.util.concurrent.CountDownLatch(1);
        StringBuilder csv = new StringBuilder("Name\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append("Row ").append(i).append('\n');
        }
        String id = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        s.upload(id, csv.toString());
        s.complete(id);
        s.engines.firstBatchStarted.await();
        assertThat(s.json(s.send("GET", BulkServer.V + "/jobs/ingest/" + id, null)).get("state").asText())
                .isEqualTo("InProgress");
        HttpResponse<String> r = s.send("PATCH", BulkServer.V + "/jobs/ingest/" + id, "{\"state\":\"Aborted\"}");
        assertThat(s.json(r).get("state").asText()).isEqualTo("Aborted");
        s.engines.gate.release(1000);
        JsonNode end = s.await("ingest", id, "Aborted");
        long processed = end.get("numberRecordsProcessed").asLong();
        assertThat(processed).isLessThan(50_000);
        String unprocessed = s.text(BulkServer.V + "/jobs/ingest/" + id + "/unprocessedrecords");
        String[] lines = unprocessed.split("\n");
        assertThat(lines[0]).isEqualTo("Name");
        String successes = s.text(BulkServer.V + "/jobs/ingest/" + id + "/successfulResults");
        long saved = successes.lines().count() - 1;
        assertThat(saved + lines.length - 1).isEqualTo(50_000);
    }

    @Test
    void aBatchThatFailsFailsTheJobAndOnlyRowsNotSavedAreUnprocessed() throws Exception {
        StringBuilder csv = new StringBuilder("Name\n");
        for (int i = 0; i < 30_000; i++) {
            csv.append(i == 15_000 ? "BOOM" : "Row " + i).append('\n');
        }
        JsonNode job = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}", csv.toString());
        assertThat(job.get("state").asText()).isEqualTo("Failed");
        assertThat(job.get("errorMessage").asText()).contains("A batch of the job failed", "BOOM");
        String id = job.get("id").asText();
        List<String> saved = s.text(BulkServer.V + "/jobs/ingest/" + id + "/successfulResults").lines().skip(1)
                .map(line -> line.substring(line.lastIndexOf(',') + 1).replace("\"", "")).toList();
        List<String> unprocessed = s.text(BulkServer.V + "/jobs/ingest/" + id + "/unprocessedrecords").lines()
                .skip(1).toList();
        // The failing batch may end the job before any other batch has saved a row: then nothing is saved at all.
        Set<String> savedNames = new HashSet<>(saved);
        assertThat(unprocessed).contains("BOOM").noneMatch(savedNames::contains);
        assertThat(saved.size() + unprocessed.size()).isEqualTo(30_000);
        assertThat(job.get("numberRecordsProcessed").asLong()).isEqualTo(saved.size());
    }

    @Test
    void listsJobsWithNextRecordsUrlPaging() throws Exception {
        for (int i = 0; i < 1001; i++) {
            s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        }
        JsonNode first = s.json(s.send("GET", BulkServer.V + "/jobs/ingest", null));
        assertThat(first.get("done").asBoolean()).isFalse();
        assertThat(first.get("records")).hasSize(1000);
        assertThat(first.get("records").get(0).get("jobType").asText()).isEqualTo("V2Ingest");
        java.util.Set<String> ids = new java.util.HashSet<>();
        first.get("records").forEach(j -> ids.add(j.get("id").asText()));
        String next = first.get("nextRecordsUrl").asText();
        assertThat(next).startsWith("/services/data/v62.0/jobs/ingest?queryLocator=");
        JsonNode second = s.json(s.send("GET", next, null));
        assertThat(second.get("done").asBoolean()).isTrue();
        assertThat(second.get("records").size()).isBetween(1, 999);
        second.get("records").forEach(j -> ids.add(j.get("id").asText()));
        assertThat(ids).hasSize(1000 + second.get("records").size());
        assertThat(second.get("nextRecordsUrl").isNull()).isTrue();
        assertThat(s.json(s.send("GET", BulkServer.V + "/jobs/query", null)).get("records")).isEmpty();
        assertError(s.send("GET", BulkServer.V + "/jobs/ingest?queryLocator=garbage", null), 400,
                "INVALID_QUERY_LOCATOR", "garbage");
    }

    static void assertError(HttpResponse<String> r, int status, String code, String messagePart) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode error = dev.kinetic.emulator.http.Json.MAPPER.readTree(r.body()).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(messagePart);
    }
}
