package dev.kinetic.cli.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.cli.input.CsvDialect;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Bulk API 2.0 job resources the command uses: create, upload, close, get, abort, delete, list and the result
 * streams, for ingest and query jobs. Thread-safe.
 */
public final class JobsApi {
    private final BulkHttp http;

    /** @param http the connection to the org */
    public JobsApi(BulkHttp http) {
        this.http = http;
    }

    /** The connection to the org. */
    public BulkHttp http() {
        return http;
    }

    /**
     * Creates an ingest job for CSV written in the given dialect.
     *
     * @param externalIdField the external id field for upsert, else null
     */
    public JobInfo createIngest(String object, String operation, String externalIdField, CsvDialect dialect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", object);
        body.put("operation", operation);
        if (externalIdField != null) {
            body.put("externalIdFieldName", externalIdField);
        }
        body.put("contentType", "CSV");
        body.put("columnDelimiter", dialect.delimiter().apiName());
        body.put("lineEnding", dialect.lineEnding().apiName());
        return JobInfo.of(http.send("POST", "/jobs/ingest", body));
    }

    /** Uploads a job's data. */
    public void upload(String jobId, Supplier<InputStream> data) {
        http.upload("/jobs/ingest/" + jobId + "/batches", data);
    }

    /** Marks the upload complete, so processing starts. */
    public JobInfo close(String jobId) {
        return JobInfo.of(http.send("PATCH", "/jobs/ingest/" + jobId, Map.of("state", "UploadComplete")));
    }

    /** Creates a query job ({@code queryAll} includes deleted and archived records). */
    public JobInfo createQuery(String soql, boolean all) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operation", all ? "queryAll" : "query");
        body.put("query", soql);
        body.put("contentType", "CSV");
        body.put("columnDelimiter", "COMMA");
        body.put("lineEnding", "LF");
        return JobInfo.of(http.send("POST", "/jobs/query", body));
    }

    /** Reads a job, ingest or query: the id alone does not say which, so a 404 on ingest tries query. */
    public JobInfo get(String jobId) {
        try {
            return JobInfo.of(http.send("GET", "/jobs/ingest/" + jobId, null));
        } catch (BulkHttpException e) {
            if (e.status() != 404) {
                throw e;
            }
            return JobInfo.of(http.send("GET", "/jobs/query/" + jobId, null));
        }
    }

    /** Reads a job of a known kind. */
    public JobInfo get(String jobId, boolean query) {
        return JobInfo.of(http.send("GET", kind(query) + jobId, null));
    }

    /** Aborts a job; the server stops processing it. */
    public JobInfo abort(JobInfo job) {
        return JobInfo.of(http.send("PATCH", kind(job.query()) + job.id(), Map.of("state", "Aborted")));
    }

    /** Deletes a finished job and its data on the server. */
    public void delete(JobInfo job) {
        http.send("DELETE", kind(job.query()) + job.id(), null);
    }

    /** Lists ingest and query jobs, following {@code nextRecordsUrl}, up to {@code limit} jobs. */
    public List<JobInfo> list(int limit) {
        List<JobInfo> jobs = new ArrayList<>();
        for (String first : List.of("/jobs/ingest", "/jobs/query")) {
            String next = first;
            while (next != null && jobs.size() < limit) {
                JsonNode page = http.send("GET", next, null);
                for (JsonNode job : page.path("records")) {
                    if (jobs.size() < limit) {
                        jobs.add(JobInfo.of(job));
                    }
                }
                String url = page.path("nextRecordsUrl").asText("");
                next = page.path("done").asBoolean(true) || url.isEmpty() || "null".equals(url) ? null : url;
            }
        }
        return jobs;
    }

    /** Opens one of an ingest job's result CSVs: {@code successfulResults}, {@code failedResults}, or
     * {@code unprocessedrecords}. */
    public HttpResponse<InputStream> ingestResults(String jobId, String which) {
        return http.openCsv("/jobs/ingest/" + jobId + "/" + which);
    }

    /** Opens one page of a query job's results; the {@code Sforce-Locator} header names the next page. */
    public HttpResponse<InputStream> queryResults(String jobId, String locator, int maxRecords) {
        StringBuilder path = new StringBuilder("/jobs/query/").append(jobId).append("/results?maxRecords=")
                .append(maxRecords);
        if (locator != null) {
            path.append("&locator=").append(locator);
        }
        return http.openCsv(path.toString());
    }

    private static String kind(boolean query) {
        return query ? "/jobs/query/" : "/jobs/ingest/";
    }
}
