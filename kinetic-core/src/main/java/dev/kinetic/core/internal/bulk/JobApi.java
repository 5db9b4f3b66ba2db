package dev.kinetic.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobPage;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.internal.http.HttpTransport;
import dev.kinetic.core.internal.http.Json;
import dev.kinetic.core.internal.http.Request;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/** The Bulk API 2.0 endpoints, one method each; no policy beyond the transport's retries. Thread-safe. */
final class JobApi {
    private final HttpTransport http;

    JobApi(HttpTransport http) {
        this.http = http;
    }

    HttpTransport transport() {
        return http;
    }

    /** Creates an ingest job, sent once; an answer that is lost throws {@code AmbiguousFailureException}. */
    BulkJob createIngest(String object, BulkOperation op, CallOptions o) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("object", object);
        body.put("operation", op.wireName());
        if (op == BulkOperation.UPSERT) {
            body.put("externalIdFieldName", o.externalIdField().orElseThrow());
        }
        body.put("contentType", "CSV");
        body.put("columnDelimiter", o.columnDelimiter().name());
        body.put("lineEnding", o.lineEnding().name());
        o.assignmentRuleId().ifPresent(id -> body.put("assignmentRuleId", id));
        // Sent once: a create whose answer is lost may have made a job, which the runner then aborts.
        return job(Request.json("POST", "/jobs/ingest", Json.write(body)).once(), JobKind.INGEST);
    }

    BulkJob createQuery(String soql, boolean all, CallOptions o) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("operation", all ? "queryAll" : "query");
        body.put("query", soql);
        body.put("contentType", "CSV");
        body.put("columnDelimiter", o.columnDelimiter().name());
        body.put("lineEnding", o.lineEnding().name());
        return job(Request.json("POST", "/jobs/query", Json.write(body)), JobKind.QUERY);
    }

    /** Uploads once; an ambiguous failure throws {@code AmbiguousFailureException}. */
    void upload(String jobId, ChunkSource source, LongConsumer progress) {
        http.send(Request.uploadCsv("/jobs/ingest/" + jobId + "/batches", source::open, source.length(), progress));
    }

    /** Marks the upload complete, once; an ambiguous failure throws {@code AmbiguousFailureException}. */
    BulkJob closeOnce(String jobId) {
        return job(Request.json("PATCH", "/jobs/ingest/" + jobId, "{\"state\":\"UploadComplete\"}").once(),
                JobKind.INGEST);
    }

    BulkJob abort(JobKind kind, String jobId) {
        return job(Request.json("PATCH", base(kind) + jobId, "{\"state\":\"Aborted\"}"), kind);
    }

    BulkJob get(JobKind kind, String jobId) {
        return job(Request.get(base(kind) + jobId), kind);
    }

    /** Finds a job without knowing its kind: ingest first, then query. */
    BulkJob get(String jobId) {
        try {
            return get(JobKind.INGEST, jobId);
        } catch (BulkApiException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
            return get(JobKind.QUERY, jobId);
        }
    }

    void delete(JobKind kind, String jobId) {
        http.send(Request.delete(base(kind) + jobId));
    }

    BulkJobPage list(JobKind kind, String pageToken) {
        String path = pageToken != null ? pageToken : "/jobs/" + (kind == JobKind.QUERY ? "query" : "ingest");
        if (pageToken != null && !pageToken.startsWith("/")) {
            throw new IllegalArgumentException("Not a page token from listJobs: '" + pageToken + "'");
        }
        // Salesforce's nextRecordsUrl may point at /jobs/ingest even for the query list; keep the kind asked for.
        if (pageToken != null) {
            String wanted = kind == JobKind.QUERY ? "/jobs/query" : "/jobs/ingest";
            path = path.replaceFirst("/jobs/(ingest|query)", wanted);
        }
        JsonNode n = http.sendJson(Request.get(path), "the job list");
        List<BulkJob> jobs = new ArrayList<>();
        for (JsonNode r : n.path("records")) {
            jobs.add(JobInfoParser.parse(r, kind));
        }
        String next = n.path("nextRecordsUrl").isTextual() ? n.path("nextRecordsUrl").asText() : null;
        boolean done = n.path("done").asBoolean(next == null);
        return BulkJobPage.of(jobs, done || next == null || next.isEmpty() ? Optional.empty() : Optional.of(next));
    }

    /** Opens one of successfulResults, failedResults, unprocessedrecords. */
    InputStream ingestResults(String jobId, String which) {
        return http.exchange(Request.getCsv("/jobs/ingest/" + jobId + "/" + which + "/")).body();
    }

    /** Waits before re-read number {@code attempt} (0-based) with the client's back-off. */
    void pauseBeforeReread(int attempt) {
        http.pause(attempt, null);
    }

    /** How many times a read that broke off or came up short is tried again. */
    int maxRereads() {
        return http.config().maxRetries();
    }

    /** Opens one query result page; the caller reads the Sforce-Locator header. */
    HttpResponse<InputStream> queryPage(String jobId, String locator, int maxRecords) {
        StringBuilder path = new StringBuilder("/jobs/query/").append(jobId).append("/results");
        char sep = '?';
        if (locator != null) {
            path.append(sep).append("locator=").append(URLEncoder.encode(locator, StandardCharsets.UTF_8));
            sep = '&';
        }
        if (maxRecords > 0) {
            path.append(sep).append("maxRecords=").append(maxRecords);
        }
        return http.exchange(Request.getCsv(path.toString()));
    }

    /** Lists the result page URLs of a finished query job (resultPages, API v58.0+). */
    JsonNode resultPages(String pathOrNull, String jobId) {
        return resultPages(pathOrNull, jobId, 0);
    }

    /** The same, asking for pages of at most {@code maxRecords} rows on the first listing (0: the server's size). */
    JsonNode resultPages(String pathOrNull, String jobId, int maxRecords) {
        String path = pathOrNull != null ? pathOrNull : "/jobs/query/" + jobId + "/resultPages"
                + (maxRecords > 0 ? "?maxRecords=" + maxRecords : "");
        return http.sendJson(Request.get(path), "the result pages of job " + jobId);
    }

    HttpResponse<InputStream> resultUrl(String url) {
        return http.exchange(Request.getCsv(url));
    }

    static boolean isState(BulkJob job, JobState s) {
        return job.state().equals(s);
    }

    private static String base(JobKind kind) {
        return kind == JobKind.QUERY ? "/jobs/query/" : "/jobs/ingest/";
    }

    private BulkJob job(Request request, JobKind kind) {
        return JobInfoParser.parse(http.sendJson(request, "job info"), kind);
    }
}
