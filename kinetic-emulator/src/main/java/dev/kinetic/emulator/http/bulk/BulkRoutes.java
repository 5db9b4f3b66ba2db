package dev.kinetic.emulator.http.bulk;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.ApiHandler;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.service.dml.DmlEngine;
import dev.kinetic.emulator.service.jobs.IngestJobService;
import dev.kinetic.emulator.service.jobs.JobException;
import dev.kinetic.emulator.service.jobs.JobLauncher;
import dev.kinetic.emulator.service.jobs.QueryJobService;
import dev.kinetic.emulator.service.jobs.QueryPlanner;
import dev.kinetic.emulator.service.jobs.RowWriterFactory;
import dev.kinetic.emulator.soql.SoqlEngine;
import dev.kinetic.emulator.state.Job;
import dev.kinetic.emulator.state.JobStore;

/**
 * Bulk API 2.0 ingest and query job endpoints under {@code /services/data/vXX.X/jobs/…}: they parse requests, call
 * {@link IngestJobService} and {@link QueryJobService}, and render JobInfo JSON, CSV streams and Salesforce errors.
 * Thread-safe.
 */
public final class BulkRoutes implements RouteModule {
    private static final String BASE = "/services/data/{version}/jobs/";

    private final JobStore store;
    private final JobLauncher launcher;
    private final IngestHandlers ingest;
    private final QueryHandlers query;
    private final JobHandlers ingestCommon;
    private final JobHandlers queryCommon;

    /** @param context the org */
    public BulkRoutes(OrgContext context) {
        this(context, new DmlEngine(context.database(), context.clock())::prepare,
                new SoqlEngine(context.database(), context.clock())::prepare);
    }

    // For tests of the job machinery with stand-in engines.
    BulkRoutes(OrgContext context, RowWriterFactory dml, QueryPlanner soql) {
        this.store = new JobStore(context.database(), context.spoolDir());
        this.launcher = new JobLauncher(context);
        IngestJobService ingestJobs = new IngestJobService(context, store, launcher, dml);
        QueryJobService queryJobs = new QueryJobService(context, store, launcher, soql);
        ingestJobs.recover();
        queryJobs.recover();
        this.ingest = new IngestHandlers(ingestJobs);
        this.query = new QueryHandlers(queryJobs);
        this.ingestCommon = new JobHandlers(ingestJobs, IngestHandlers.MIN_VERSION, "ingest");
        this.queryCommon = new JobHandlers(queryJobs, QueryHandlers.MIN_VERSION, "query");
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", BASE + "ingest", guard(ingest::create))
                .add("GET", BASE + "ingest", guard(ingestCommon::list))
                .add("GET", BASE + "ingest/{jobId}", guard(ingestCommon::get))
                .add("PATCH", BASE + "ingest/{jobId}", guard(ingestCommon::patch))
                .add("DELETE", BASE + "ingest/{jobId}", guard(ingestCommon::delete))
                .add("PUT", BASE + "ingest/{jobId}/batches", guard(ingest::upload))
                .add("GET", BASE + "ingest/{jobId}/successfulResults", guard(ingest::successful))
                .add("GET", BASE + "ingest/{jobId}/failedResults", guard(ingest::failed))
                .add("GET", BASE + "ingest/{jobId}/unprocessedrecords", guard(ingest::unprocessed))
                .add("POST", BASE + "query", guard(query::create))
                .add("GET", BASE + "query", guard(queryCommon::list))
                .add("GET", BASE + "query/{jobId}", guard(queryCommon::get))
                .add("PATCH", BASE + "query/{jobId}", guard(queryCommon::patch))
                .add("DELETE", BASE + "query/{jobId}", guard(queryCommon::delete))
                .add("GET", BASE + "query/{jobId}/results", guard(query::results))
                .add("GET", BASE + "query/{jobId}/resultPages", guard(query::resultPages));
    }

    // For tests: the jobs, to stop one as the org's shutdown does.
    JobStore store() {
        return store;
    }

    @Override
    public void reset() {
        store.all().forEach(Job::requestStop);
        store.clear();
    }

    @Override
    public void close() {
        store.all().forEach(Job::requestStop);
        launcher.close();
    }

    // Turns the services' refusals into Salesforce REST errors.
    private static ApiHandler guard(ApiHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (JobException e) {
                throw new ApiException(status(e.kind()), e.errorCode(), e.getMessage());
            }
        };
    }

    private static int status(JobException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
            case NOT_COMPLETE -> 412;
            case CONFLICT -> 409;
        };
    }

    /** The API version of the request, refusing versions older than {@code minimum} with 404 as Salesforce does. */
    static double version(ApiExchange exchange, double minimum) {
        double v = exchange.apiVersion();
        if (v < minimum) {
            throw ApiException.notFound();
        }
        return v;
    }
}
