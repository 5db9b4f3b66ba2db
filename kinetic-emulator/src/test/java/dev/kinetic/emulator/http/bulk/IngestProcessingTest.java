package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How uploaded CSV is processed and how results come back, over raw HTTP with stand-in engines. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestProcessingTest {
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

    private String results(String id, String kind) throws Exception {
        HttpResponse<String> r = s.send(s.request(BulkServer.V + "/jobs/ingest/" + id + "/" + kind)
                .header("Accept", "application/json").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("text/csv; charset=UTF-8");
        return r.body();
    }

    @ParameterizedTest
    @CsvSource({"BACKQUOTE,`,LF", "CARET,^,LF", "COMMA,',',LF", "PIPE,|,LF", "SEMICOLON,;,LF", "TAB,'\t',LF",
            "BACKQUOTE,`,CRLF", "CARET,^,CRLF", "COMMA,',',CRLF", "PIPE,|,CRLF", "SEMICOLON,;,CRLF", "TAB,'\t',CRLF"})
    void processesEveryDelimiterAndLineEndingAndAnswersInTheSame(String delimiter, String d, String ending)
            throws Exception {
        String nl = ending.equals("LF") ? "\n" : "\r\n";
        String csv = "Name" + d + "Description" + nl
                + "Acme" + d + "\"Says \"\"hi\"\"" + d + " twice" + nl + "and again\"" + nl
                + "FAIL" + d + "x" + nl
                + "Globex" + d + nl;
        JsonNode job = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\",\"columnDelimiter\":\"" + delimiter
                + "\",\"lineEnding\":\"" + ending + "\"}", csv);
        assertThat(job.get("state").asText()).isEqualTo("JobComplete");
        assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(3);
        assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(1);
        String ok = results(job.get("id").asText(), "successfulResults");
        assertThat(ok).startsWith("\"sf__Id\"" + d + "\"sf__Created\"" + d + "Name" + d + "Description" + nl);
        assertThat(ok).contains(d + "\"true\"" + d + "\"Acme\"" + d + "\"Says \"\"hi\"\"" + d + " twice" + nl
                + "and again\"" + nl);
        assertThat(ok).contains(d + "\"true\"" + d + "\"Globex\"" + d + "\"\"" + nl);
        String bad = results(job.get("id").asText(), "failedResults/");
        assertThat(bad).isEqualTo("\"sf__Id\"" + d + "\"sf__Error\"" + d + "Name" + d + "Description" + nl
                + "\"\"" + d + "\"FIELD_CUSTOM_VALIDATION_EXCEPTION:no FAIL here:--\"" + d + "\"FAIL\"" + d + "\"x\""
                + nl);
        assertThat(results(job.get("id").asText(), "UNPROCESSEDRECORDS")).isEqualTo("Name" + d + "Description" + nl);
    }

    @Test
    void processesInBatchesOfTenThousandRowsAndCountsThemAll() throws Exception {
        StringBuilder csv = new StringBuilder("Name,NumberOfEmployees\n");
        for (int i = 0; i < 25_001; i++) {
            csv.append("Company ").append(i).append(',').append(i).append('\n');
        }
        int batchesBefore = s.engines.batches.get();
        JsonNode job = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}", csv.toString());
        assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(25_001);
        assertThat(s.engines.batches.get() - batchesBefore).isEqualTo(3);
        assertThat(results(job.get("id").asText(), "successfulResults").lines().count()).isEqualTo(25_002);
    }

    static Stream<Arguments> brokenUploads() {
        return Stream.of(
                Arguments.of("LF", "Name\r\nA\r\n",
                        "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF"),
                Arguments.of("CRLF", "Name\nA\n",
                        "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is CRLF"),
                Arguments.of("LF", "\uFEFF\"Name\"\nA\n", "InvalidBatch : Failed to parse CSV. Found unescaped quote"),
                Arguments.of("LF", "\uFEFFName\nA\n",
                        "InvalidBatch : Failed to parse CSV. Found a UTF-8 byte order mark (BOM)"),
                Arguments.of("LF", "Name\n\"A\nB\n",
                        "InvalidBatch : Failed to parse CSV. A quoted field in row 1 is never closed"),
                Arguments.of("LF", "Name\n\"A\"B\n", "InvalidBatch : Failed to parse CSV. Found unescaped quote in row 1"),
                Arguments.of("LF", "Name,Phone\nA,1\nB\n",
                        "InvalidBatch : Failed to parse CSV. Row 2 has 1 columns but the header has 2"),
                Arguments.of("LF", "Name,Bogus\nA,1\n", "InvalidBatch : Field name not found : Bogus"));
    }

    @ParameterizedTest
    @MethodSource("brokenUploads")
    void failsTheWholeJobWithSalesforcesErrorMessageAndLeavesEveryRowUnprocessed(String ending, String csv,
                                                                               String message) throws Exception {
        int batchesBefore = s.engines.batches.get();
        JsonNode job = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"" + ending + "\"}",
                csv);
        assertThat(job.get("state").asText()).isEqualTo("Failed");
        assertThat(job.get("errorMessage").asText()).startsWith(message);
        assertThat(job.get("numberRecordsProcessed").asInt()).isZero();
        assertThat(results(job.get("id").asText(), "unprocessedrecords")).isEqualTo(csv);
        assertThat(results(job.get("id").asText(), "successfulResults")).startsWith("\"sf__Id\",\"sf__Created\"");
        assertThat(s.engines.batches.get()).isEqualTo(batchesBefore);
    }

    @Test
    void toleratesAMissingFinalLineEndingAndBlankLines() throws Exception {
        JsonNode job = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"CRLF\"}",
                "Name\r\n\r\nA\r\nB");
        assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(2);
    }

    @Test
    void closingAJobWithoutDataFailsIt() throws Exception {
        String id = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        s.complete(id);
        JsonNode job = s.await("ingest", id, "Failed");
        assertThat(job.get("errorMessage").asText()).startsWith("InvalidBatch : No data was uploaded");
    }

    @Test
    void createsAndClosesAJobFromAMultipartRequest() throws Exception {
        String body = "--BOUNDARY\r\nContent-Type: application/json\r\nContent-Disposition: form-data; name=\"job\"\r\n"
                + "\r\n{\"object\":\"Contact\",\"contentType\":\"CSV\",\"operation\":\"insert\",\"lineEnding\":\"LF\"}\r\n"
                + "--BOUNDARY\r\nContent-Type: text/csv\r\nContent-Disposition: form-data; name=\"content\"; "
                + "filename=\"content\"\r\n\r\nFirstName,LastName,MailingCity\nAstro,Nomical,San Francisco\n"
                + "Jo,\"Line\r\n--BOUNDAR\",X\n\r\n--BOUNDARY--\r\n";
        HttpResponse<String> r = s.send(s.request(BulkServer.V + "/jobs/ingest")
                .header("Content-Type", "multipart/form-data; boundary=BOUNDARY")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode created = s.json(r);
        assertThat(created.get("state").asText()).isEqualTo("UploadComplete");
        assertThat(created.get("contentUrl")).isNull();
        JsonNode job = s.await("ingest", created.get("id").asText(), "JobComplete");
        assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(2);
        assertThat(results(job.get("id").asText(), "successfulResults"))
                .contains("\"Jo\",\"Line\r\n--BOUNDAR\",\"X\"\n");
    }

    @Test
    void acceptsChunkedAndGzipUploadsAndCompressesResultsOnRequest() throws Exception {
        String id = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        byte[] csv = "Name\nChunked\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> put = s.send(s.request(BulkServer.V + "/jobs/ingest/" + id + "/batches")
                .header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(csv))));
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.body()).isEmpty();
        s.complete(id);
        s.await("ingest", id, "JobComplete");

        String id2 = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write("Name\nZipped\n".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> gzPut = s.send(s.request(BulkServer.V + "/jobs/ingest/" + id2 + "/batches")
                .header("Content-Type", "text/csv").header("Content-Encoding", "gzip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(packed.toByteArray())));
        assertThat(gzPut.statusCode()).isEqualTo(201);
        s.complete(id2);
        s.await("ingest", id2, "JobComplete");
        HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                s.request(BulkServer.V + "/jobs/ingest/" + id2 + "/successfulResults")
                        .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unpacked = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(unpacked).startsWith("\"sf__Id\",\"sf__Created\",Name\n").endsWith(",\"true\",\"Zipped\"\n");
    }
}
