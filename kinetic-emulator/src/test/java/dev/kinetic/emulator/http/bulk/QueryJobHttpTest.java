package dev.kinetic.emulator.http.bulk;

import static dev.kinetic.emulator.http.bulk.IngestJobLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Query job endpoints over raw HTTP with a stand-in planner ({@code rows:N} yields N rows). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryJobHttpTest {
    @TempDir
    static Path spool;
    private BulkServer s;

    @BeforeAll
    void start() throws Exception {
        s = BulkServer.start(spool);
    }

    @AfterAll
    void stop() throws Exception {
        s.close();
    }

    private String createQuery(String json) throws Exception {
        HttpResponse<String> r = s.send("POST", BulkServer.V + "/jobs/query", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return s.json(r).get("id").asText();
    }

    private String completedQuery(long rows, String dialect) throws Exception {
        String id = createQuery("{\"operation\":\"query\",\"query\":\"rows:" + rows + "\"" + dialect + "}");
        s.await("query", id, "JobComplete");
        return id;
    }

    @Test
    void createAnswersUploadCompleteAndGetShowsTheRowCount() throws Exception {
        HttpResponse<String> r = s.send("POST", BulkServer.V + "/jobs/query",
                "{\"operation\":\"queryAll\",\"query\":\"rows:3\",\"contentType\":\"CSV\",\"columnDelimiter\":\"CARET\","
                        + "\"lineEnding\":\"CRLF\",\"ignored\":[1]}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode job = s.json(r);
        List<String> names = new ArrayList<>();
        job.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "operation", "object", "createdById", "createdDate", "systemModstamp",
                "state", "concurrencyMode", "contentType", "apiVersion", "lineEnding", "columnDelimiter");
        assertThat(job.get("state").asText()).isEqualTo("UploadComplete");
        assertThat(job.get("operation").asText()).isEqualTo("queryAll");
        assertThat(job.get("object").asText()).isEqualTo("Account");
        JsonNode done = s.await("query", job.get("id").asText(), "JobComplete");
        assertThat(done.get("jobType").asText()).isEqualTo("V2Query");
        assertThat(done.get("numberRecordsProcessed").asLong()).isEqualTo(3);
        assertThat(done.get("numberRecordsFailed")).isNull();
        assertThat(done.get("isPkChunkingSupported").asBoolean()).isTrue();
        String page = s.text(BulkServer.V + "/jobs/query/" + job.get("id").asText() + "/results");
        assertThat(page).isEqualTo("\"Id\"^\"Name\"^\"Description\"\r\n\"001Kc0\"^\"Account 0\"^\"all\"\r\n"
                + "\"001Kc1\"^\"Account 1\"^\"all\"\r\n\"001Kc2\"^\"Account 2\"^\"all\"\r\n");
    }

    @Test
    void refusesBadCreateBodiesAndPassesOnSoqlErrors() throws Exception {
        assertError(s.send("POST", BulkServer.V + "/jobs/query", "{\"operation\":\"query\",\"query\":\"SELECT\"}"),
                400, "MALFORMED_QUERY", "unexpected token");
        assertError(s.send("POST", BulkServer.V + "/jobs/query", "{\"operation\":\"insert\",\"query\":\"rows:1\"}"),
                400, "INVALIDJOB", "use query or queryAll");
        assertError(s.send("POST", BulkServer.V + "/jobs/query", "{\"operation\":\"query\"}"), 400, "INVALIDJOB",
                "no query");
        assertError(s.send("POST", BulkServer.V + "/jobs/query", "{\"operation\":\"query\",\"query\":\"rows:1\","
                + "\"columnDelimiter\":\"comma\"}"), 400, "INVALIDJOB", "columnDelimiter 'comma'");
        assertError(s.send("POST", BulkServer.V + "/jobs/query", "[1,2"), 400, "API_ERROR", "Malformed JSON");
        assertError(s.send("POST", "/services/data/v46.0/jobs/query", "{\"operation\":\"query\",\"query\":\"rows:1\"}"),
                404, "NOT_FOUND", "does not exist");
    }

    @Test
    void pagesResultsByLocatorWithTheHeaderOnEveryPage() throws Exception {
        assertPagesOf(completedQuery(2_500, ""));
    }

    @ParameterizedTest(name = "cut at row {0}")
    @ValueSource(longs = {1234, 1000, 1001, 0, 2500})
    void aQueryReadInTwoPartsPagesExactlyLikeOneRead(long cut) throws Exception {
        String id = createQuery("{\"operation\":\"query\",\"query\":\"rows:2500/cut:" + cut + "\"}");
        JsonNode job = s.await("query", id, "JobComplete");
        assertThat(job.get("numberRecordsProcessed").asLong()).isEqualTo(2_500);
        assertPagesOf(id);
        assertThat(spool.resolve(id)).isDirectoryNotContaining("glob:**/query.part*");
    }

    private void assertPagesOf(String id) throws Exception {
        String results = BulkServer.V + "/jobs/query/" + id + "/results";
        List<String> rows = new ArrayList<>();
        String locator = null;
        int pages = 0;
        do {
            HttpResponse<String> r = s.send(s.request(results + "?maxRecords=1001"
                    + (locator == null ? "" : "&locator=" + locator)).header("Accept", "application/json").GET());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/csv; charset=UTF-8");
            String body = r.body();
            assertThat(body).startsWith("\"Id\",\"Name\",\"Description\"\n");
            List<String> pageRows = splitRows(body.substring(body.indexOf('\n') + 1));
            assertThat(r.headers().firstValue("Sforce-NumberOfRecords")).hasValue(Integer.toString(pageRows.size()));
            rows.addAll(pageRows);
            locator = r.headers().firstValue("Sforce-Locator").orElseThrow();
            pages++;
        } while (!locator.equals("null"));
        assertThat(pages).isEqualTo(3);
        assertThat(rows).hasSize(2_500);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)).startsWith("\"001Kc" + i + "\",\"Account " + i + "\",");
        }
        assertThat(rows.get(7)).isEqualTo("\"001Kc7\",\"Account 7\",\"line one\nline \"\"two\"\"\"");
        HttpResponse<String> again = s.send(s.request(results + "?locator=MTAwMQ&maxRecords=2").GET());
        assertThat(again.headers().firstValue("Sforce-Locator")).hasValue("MTAwMw");
        assertThat(splitRows(again.body())).hasSize(3).element(1).asString().startsWith("\"001Kc1001\",");
    }

    @Test
    void answersADefaultPageSizeAndAHeaderOnlyPageForNoRows() throws Exception {
        String id = completedQuery(60_000, "");
        HttpResponse<String> first = s.send(s.request(BulkServer.V + "/jobs/query/" + id + "/results").GET());
        assertThat(first.headers().firstValue("Sforce-NumberOfRecords")).hasValue("50000");
        assertThat(first.headers().firstValue("Sforce-Locator")).hasValue("NTAwMDA");
        String empty = completedQuery(0, "");
        HttpResponse<String> none = s.send(s.request(BulkServer.V + "/jobs/query/" + empty + "/results").GET());
        assertThat(none.body()).isEqualTo("\"Id\",\"Name\",\"Description\"\n");
        assertThat(none.headers().firstValue("Sforce-Locator")).hasValue("null");
        assertThat(none.headers().firstValue("Sforce-NumberOfRecords")).hasValue("0");
    }

    @Test
    void refusesBadLocatorsMaxRecordsAndOtherApiVersions() throws Exception {
        String id = completedQuery(10, "");
        String results = BulkServer.V + "/jobs/query/" + id + "/results";
        assertError(s.send("GET", results + "?locator=bm9wZQ", null), 400, "INVALID_QUERY_LOCATOR", "bm9wZQ");
        assertError(s.send("GET", results + "?locator=OTk5", null), 400, "INVALID_QUERY_LOCATOR", "OTk5");
        assertError(s.send("GET", results + "?maxRecords=0", null), 400, "INVALIDREQUEST", "maxRecords");
        assertError(s.send("GET", "/services/data/v61.0/jobs/query/" + id + "/results", null), 409,
                "API_VERSION_MISMATCH", "62.0");
    }

    @Test
    void listsResultPagesFiveAtATime() throws Exception {
        String id = completedQuery(1_200, "");
        String job = BulkServer.V + "/jobs/query/" + id;
        JsonNode first = s.json(s.send("GET", job + "/resultPages?maxRecords=100", null));
        assertThat(first.get("resultPages")).hasSize(5);
        assertThat(first.get("resultPages").get(0).get("resultUrl").asText()).isEqualTo(job + "/results?maxRecords=100");
        assertThat(first.get("resultPages").get(1).get("resultUrl").asText())
                .isEqualTo(job + "/results?locator=MTAw&maxRecords=100");
        assertThat(first.get("done").asBoolean()).isFalse();
        String next = first.get("nextRecordsUrl").asText();
        assertThat(next).isEqualTo(job + "/resultpages?locator=NTAw&maxRecords=100");
        JsonNode second = s.json(s.send("GET", next, null));
        JsonNode third = s.json(s.send("GET", second.get("nextRecordsUrl").asText(), null));
        assertThat(third.get("resultPages")).hasSize(2);
        assertThat(third.get("done").asBoolean()).isTrue();
        assertThat(third.get("nextRecordsUrl").isNull()).isTrue();
        String lastPage = s.text(third.get("resultPages").get(1).get("resultUrl").asText());
        assertThat(splitRows(lastPage)).hasSize(101).last().asString().startsWith("\"001Kc1199\"");
        assertError(s.send("GET", "/services/data/v57.0/jobs/query/" + id + "/resultPages", null), 404, "NOT_FOUND",
                "does not exist");
    }

    @Test
    void answers412BeforeCompletionAndFollowsTheAbortAndDeleteRules() throws Exception {
        s.context.progression(dev.kinetic.emulator.control.Progression.afterPolls(2));
        try {
            String id = createQuery("{\"operation\":\"query\",\"query\":\"rows:5\"}");
            String job = BulkServer.V + "/jobs/query/" + id;
            assertError(s.send("GET", job + "/results", null), 412, "JOB_NOT_COMPLETE",
                    "can only download query results of successfully completed bulk job with status: JOB_COMPLETE. "
                            + "Current status: UPLOAD_COMPLETE");
            assertError(s.send("GET", job + "/resultpages", null), 412, "JOB_NOT_COMPLETE", "UPLOAD_COMPLETE");
            assertError(s.send("DELETE", job, null), 400, "API_ERROR", "the job is not terminated");
            assertError(s.send("PATCH", job, "{\"state\":\"UploadComplete\"}"), 400, "INVALIDJOBSTATE", "Aborted");
            HttpResponse<String> aborted = s.send("PATCH", job, "{\"state\":\"Aborted\"}");
            assertThat(s.json(aborted).get("state").asText()).isEqualTo("Aborted");
            assertError(s.send("PATCH", job, "{\"state\":\"Aborted\"}"), 400, "INVALIDJOBSTATE",
                    "Aborting already Aborted Job not allowed");
            assertThat(s.send("DELETE", job, null).statusCode()).isEqualTo(204);
            assertError(s.send("GET", job, null), 404, "NOT_FOUND", "does not exist");
        } finally {
            s.context.progression(dev.kinetic.emulator.control.Progression.immediate());
        }
        String done = completedQuery(1, "");
        assertError(s.send("PATCH", BulkServer.V + "/jobs/query/" + done, "{\"state\":\"Aborted\"}"), 400,
                "INVALIDJOBSTATE", "Aborting already Completed Job not allowed");
        JsonNode list = s.json(s.send("GET", BulkServer.V + "/jobs/query", null));
        assertThat(list.get("records").findValuesAsText("id")).contains(done);
        assertThat(list.get("records").get(0).get("jobType").asText()).isEqualTo("V2Query");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rows:200000", "rows:200000/cut:100000"})
    void abortWhileTheQueryRunsStopsItAndKeepsItAborted(String query) throws Exception {
        s.engines.gate = new java.util.concurrent.Semaphore(0);
        s.engines.firstBatchStarted = new java.util.concurrent.CountDownLatch(1);
        try {
            String id = createQuery("{\"operation\":\"query\",\"query\":\"" + query + "\"}");
            s.engines.firstBatchStarted.await();
            String job = BulkServer.V + "/jobs/query/" + id;
            assertThat(s.json(s.send("GET", job, null)).get("state").asText()).isEqualTo("InProgress");
            assertThat(s.json(s.send("PATCH", job, "{\"state\":\"Aborted\"}")).get("state").asText())
                    .isEqualTo("Aborted");
            s.engines.gate.release();
            JsonNode end = s.await("query", id, "Aborted");
            assertThat(end.get("numberRecordsProcessed").asLong()).isLessThan(200_000);
            assertError(s.send("GET", job + "/results", null), 412, "JOB_NOT_COMPLETE", "Current status: ABORTED");
        } finally {
            s.engines.gate = null;
        }
    }

    // Splits CSV text into rows at line ends outside quotes.
    static List<String> splitRows(String csv) {
        List<String> rows = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                rows.add(csv.substring(start, i));
                start = i + 1;
            }
        }
        return rows;
    }
}
