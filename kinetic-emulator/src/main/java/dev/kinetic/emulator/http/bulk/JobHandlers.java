package dev.kinetic.emulator.http.bulk;

import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.service.jobs.JobLifecycle;
import dev.kinetic.emulator.state.JobInfo;
import java.util.Locale;

/**
 * The endpoints ingest and query jobs share — list, get, patch, delete — for one kind of job: parse, call its
 * {@link JobLifecycle}, render. Thread-safe.
 */
final class JobHandlers {
    private final JobLifecycle jobs;
    private final double minVersion;
    private final String kind;

    /**
     * @param kind the path segment: {@code ingest} or {@code query}
     */
    JobHandlers(JobLifecycle jobs, double minVersion, String kind) {
        this.jobs = jobs;
        this.minVersion = minVersion;
        this.kind = kind;
    }

    void list(ApiExchange ex) {
        double version = BulkRoutes.version(ex, minVersion);
        var page = jobs.list(ex.query("queryLocator"), ex.query("jobType"),
                ex.query("isPkChunkingEnabled").map(Boolean::parseBoolean).orElse(false));
        ex.json(200, BulkJson.list(page, String.format(Locale.ROOT, "/services/data/v%.1f/jobs/%s", version, kind)));
    }

    void get(ApiExchange ex) {
        BulkRoutes.version(ex, minVersion);
        ex.json(200, JobInfoJson.render(jobs.get(ex.pathParam("jobId")), JobInfoJson.Form.GET));
    }

    void patch(ApiExchange ex) {
        BulkRoutes.version(ex, minVersion);
        JobInfo info = jobs.patch(ex.pathParam("jobId"), BulkJson.text(BulkJson.object(ex.body()), "state"));
        ex.json(200, JobInfoJson.render(info, JobInfoJson.Form.CREATE));
    }

    void delete(ApiExchange ex) {
        BulkRoutes.version(ex, minVersion);
        jobs.delete(ex.pathParam("jobId"));
        ex.empty(204);
    }
}
