package dev.kinetic.emulator.http.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.service.jobs.IngestJobService;
import dev.kinetic.emulator.service.jobs.IngestSpec;
import dev.kinetic.emulator.state.JobInfo;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The ingest job endpoints: parse, call {@link IngestJobService}, render. Thread-safe. */
final class IngestHandlers {
    static final double MIN_VERSION = 41.0;
    static final String CSV = "text/csv; charset=UTF-8";

    private final IngestJobService jobs;

    IngestHandlers(IngestJobService jobs) {
        this.jobs = jobs;
    }

    void create(ApiExchange ex) throws IOException {
        double version = BulkRoutes.version(ex, MIN_VERSION);
        String contentType = ex.contentType().orElse("application/json");
        JobInfo info;
        if (contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            info = createMultipart(ex, contentType, version);
        } else {
            info = jobs.create(spec(BulkJson.object(ex.body())), ex.session().userId(), version);
        }
        ex.json(200, JobInfoJson.render(info, JobInfoJson.Form.CREATE));
    }

    private JobInfo createMultipart(ApiExchange ex, String contentType, double version) throws IOException {
        String boundary = MultipartReader.boundary(contentType).orElseThrow(() -> new ApiException(400,
                "API_ERROR", "The multipart/form-data Content-Type has no boundary parameter"));
        MultipartReader reader = new MultipartReader(new BufferedInputStream(ex.body(), 1 << 16), boundary);
        IngestSpec spec = null;
        Optional<MultipartReader.Part> part;
        while ((part = reader.next()).isPresent()) {
            MultipartReader.Part p = part.get();
            if (p.name().equals("job")) {
                spec = spec(BulkJson.object(p.content()));
            } else if (p.name().equals("content")) {
                if (spec == null) {
                    throw new ApiException(400, "API_ERROR", "The multipart body must send its \"job\" part before "
                            + "its \"content\" part");
                }
                return jobs.createWithData(spec, ex.session().userId(), version, p.content());
            }
        }
        throw new ApiException(400, "API_ERROR", spec == null
                ? "The multipart body has no \"job\" part with the job's JSON"
                : "The multipart body has no \"content\" part with the CSV data");
    }

    private static IngestSpec spec(JsonNode n) {
        return new IngestSpec(BulkJson.text(n, "object"), BulkJson.text(n, "operation"),
                BulkJson.text(n, "externalIdFieldName"), BulkJson.text(n, "contentType"),
                BulkJson.text(n, "columnDelimiter"), BulkJson.text(n, "lineEnding"),
                BulkJson.text(n, "assignmentRuleId"));
    }

    void upload(ApiExchange ex) throws IOException {
        BulkRoutes.version(ex, MIN_VERSION);
        try (InputStream body = ex.body()) {
            jobs.upload(ex.pathParam("jobId"), body);
        }
        ex.empty(201);
    }

    void successful(ApiExchange ex) throws IOException {
        results(ex, IngestJobService.ResultKind.SUCCESSFUL);
    }

    void failed(ApiExchange ex) throws IOException {
        results(ex, IngestJobService.ResultKind.FAILED);
    }

    void unprocessed(ApiExchange ex) throws IOException {
        results(ex, IngestJobService.ResultKind.UNPROCESSED);
    }

    private void results(ApiExchange ex, IngestJobService.ResultKind kind) throws IOException {
        BulkRoutes.version(ex, MIN_VERSION);
        Optional<Path> file = jobs.results(ex.pathParam("jobId"), kind);
        try (OutputStream out = ex.stream(200, CSV)) {
            if (file.isPresent()) {
                Files.copy(file.get(), out);
            }
        }
    }
}
