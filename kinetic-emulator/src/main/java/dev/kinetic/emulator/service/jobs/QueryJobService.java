package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.soql.PreparedQuery;
import dev.kinetic.emulator.soql.SoqlException;
import dev.kinetic.emulator.state.CsvDialect;
import dev.kinetic.emulator.state.Job;
import dev.kinetic.emulator.state.JobInfo;
import dev.kinetic.emulator.state.JobKind;
import dev.kinetic.emulator.state.JobState;
import dev.kinetic.emulator.state.JobStore;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Bulk API 2.0 query job rules: create (SOQL checked at once), get, abort, delete, list, result pages by locator
 * and the parallel {@code resultPages} listing, with Salesforce's states and errors. Thread-safe.
 */
public final class QueryJobService implements JobLifecycle {
    /** Rows per results page when the client gives no {@code maxRecords}. */
    public static final long DEFAULT_MAX_RECORDS = 50_000;
    /** Result URLs per {@code resultPages} response. */
    public static final int RESULT_PAGES_PER_RESPONSE = 5;

    private final OrgContext context;
    private final JobStore store;
    private final JobLauncher launcher;
    private final QueryPlanner soql;
    private final QueryJobRunner runner;
    private final Map<String, QueryResults> results = new ConcurrentHashMap<>();

    /**
     * @param context the org
     * @param store the job store
     * @param launcher starts jobs per the progression rule
     * @param soql the SOQL engine ({@code SoqlEngine::prepare})
     */
    public QueryJobService(OrgContext context, JobStore store, JobLauncher launcher, QueryPlanner soql) {
        this.context = Objects.requireNonNull(context, "context == null");
        this.store = Objects.requireNonNull(store, "store == null");
        this.launcher = Objects.requireNonNull(launcher, "launcher == null");
        this.soql = Objects.requireNonNull(soql, "soql == null");
        this.runner = new QueryJobRunner(context, store, soql, launcher.workers());
    }

    /**
     * Creates a query job (state UploadComplete) and launches it per the progression rule.
     *
     * @throws JobException 400 for a missing or invalid property, or the SOQL engine's error code and message
     */
    public JobInfo create(QuerySpec spec, String userId, double apiVersion) {
        String op = spec.operation();
        if (op == null || !(op.equals("query") || op.equals("queryAll"))) {
            throw JobException.invalid("INVALIDJOB", op == null
                    ? "The job has no operation; set \"operation\" to query or queryAll"
                    : "Invalid operation '" + op + "' for a query job; use query or queryAll");
        }
        if (spec.query() == null || spec.query().isBlank()) {
            throw JobException.invalid("INVALIDJOB", "The job has no query; set \"query\" to a SOQL query");
        }
        CsvDialect dialect = JobRules.dialect(spec.contentType(), spec.columnDelimiter(), spec.lineEnding());
        PreparedQuery prepared;
        try {
            prepared = soql.prepare(spec.query(), op.equals("queryAll"));
        } catch (SoqlException e) {
            throw JobException.invalid(e.errorCode(), e.getMessage());
        }
        Instant now = context.clock().instant();
        String id = context.database().ids().next("750");
        JobInfo info = new JobInfo(id, JobKind.QUERY, op, prepared.objectName(), userId, now, now,
                JobState.UPLOAD_COMPLETE, Optional.empty(), Optional.empty(), apiVersion, dialect,
                Optional.of(spec.query()), 0, 0, 0, Optional.empty(), false, store.nextSequence());
        Job job = store.add(info);
        launcher.ready(job, runner::run);
        return info;
    }

    /** The job's info, counting the read as a poll for the progression rule. */
    @Override
    public JobInfo get(String jobId) {
        Job job = find(jobId);
        launcher.beforeRead(job);
        JobInfo info = job.info();
        launcher.afterRead(job);
        return info;
    }

    /**
     * Aborts a job that is UploadComplete or InProgress.
     *
     * @throws JobException 400 INVALIDJOBSTATE for another state or a state other than Aborted
     */
    @Override
    public JobInfo patch(String jobId, String state) {
        Job job = find(jobId);
        if (!"Aborted".equals(state)) {
            throw JobException.invalid("INVALIDJOBSTATE", "Invalid state '" + state + "' for query job " + jobId
                    + "; a query job can only be set to Aborted");
        }
        synchronized (job) {
            JobState s = job.info().state();
            if (s.terminal()) {
                throw JobRules.cannotAbort(s);
            }
            job.requestStop();
            job.state(JobState.ABORTED, context.clock().instant());
            store.save(job); // before the monitor is left, so no reader sees an Aborted that a kill could undo
        }
        launcher.cancel(jobId);
        return job.info();
    }

    /**
     * Deletes a finished job and its results.
     *
     * @throws JobException 400 API_ERROR when the job has not ended
     */
    @Override
    public void delete(String jobId) {
        Job job = find(jobId);
        if (!job.info().state().terminal()) {
            throw JobRules.notTerminated();
        }
        results.remove(jobId);
        store.remove(jobId);
    }

    /** A page of query jobs. */
    @Override
    public JobPage list(Optional<String> locator, Optional<String> jobType, boolean pkChunking) {
        return JobRules.list(store, JobKind.QUERY, locator, jobType, pkChunking);
    }

    /**
     * The results of a completed job, for paging.
     *
     * @throws JobException 404 unknown job; 409 another API version; 412 JOB_NOT_COMPLETE before JobComplete
     */
    public QueryResults results(String jobId, double apiVersion) {
        Job job = find(jobId);
        JobInfo info = job.info();
        if (info.apiVersion() != apiVersion) {
            throw new JobException(JobException.Kind.CONFLICT, "API_VERSION_MISMATCH", "Query job " + jobId
                    + " was created with API version " + info.apiVersion() + "; fetch its results with the same "
                    + "version");
        }
        if (info.state() != JobState.JOB_COMPLETE) {
            throw new JobException(JobException.Kind.NOT_COMPLETE, "JOB_NOT_COMPLETE", "can only download query "
                    + "results of successfully completed bulk job with status: JOB_COMPLETE. Current status: "
                    + info.state().name());
        }
        return results.computeIfAbsent(jobId, id -> QueryResults.load(store.files(id)));
    }

    /** Checks a {@code maxRecords} parameter; absent means {@link #DEFAULT_MAX_RECORDS}. */
    public static long maxRecords(Optional<String> value) {
        if (value.isEmpty() || value.get().isEmpty()) {
            return DEFAULT_MAX_RECORDS;
        }
        try {
            long n = Long.parseLong(value.get());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Falls through to the error below.
        }
        throw JobException.invalid("INVALIDREQUEST", "maxRecords must be a positive whole number, got '"
                + value.get() + "'");
    }

    /**
     * Up to {@value #RESULT_PAGES_PER_RESPONSE} page locators (null for the first page) from a starting locator,
     * and the locator where the next {@code resultPages} call continues (absent when done).
     */
    public record PageListing(List<String> locators, Optional<String> next) {
    }

    /** The {@code resultPages} listing of a completed job. */
    public PageListing pageListing(QueryResults res, String locator, long maxRecords) {
        List<String> locators = new ArrayList<>();
        String current = locator;
        long first = current == null ? 0 : res.decode(current);
        if (res.rows() == 0 && current == null) {
            return new PageListing(List.of(""), Optional.empty());
        }
        while (locators.size() < RESULT_PAGES_PER_RESPONSE && first < res.rows()) {
            locators.add(first == 0 ? "" : QueryResults.encode(first));
            first = Math.min(res.rows(), first + maxRecords);
        }
        return new PageListing(locators, first < res.rows() ? Optional.of(QueryResults.encode(first))
                : Optional.empty());
    }

    /** After a restart: re-runs jobs that had not finished. */
    public void recover() {
        for (Job job : store.all()) {
            JobInfo i = job.info();
            if (i.kind() == JobKind.QUERY && (i.state() == JobState.UPLOAD_COMPLETE
                    || i.state() == JobState.IN_PROGRESS)) {
                job.state(JobState.UPLOAD_COMPLETE, context.clock().instant());
                job.counters(0, 0);
                try {
                    Files.deleteIfExists(store.files(i.id()).queryIndex());
                } catch (java.io.IOException e) {
                    // Rewritten when the query runs again.
                }
                store.save(job);
                launcher.ready(job, runner::run);
            }
        }
    }

    private Job find(String jobId) {
        return JobRules.find(store, JobKind.QUERY, jobId);
    }
}
