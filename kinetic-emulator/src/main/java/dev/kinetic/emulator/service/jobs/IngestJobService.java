package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.files.PrivateFiles;
import dev.kinetic.emulator.service.dml.DmlOperation;
import dev.kinetic.emulator.state.CsvDialect;
import dev.kinetic.emulator.state.Job;
import dev.kinetic.emulator.state.JobFiles;
import dev.kinetic.emulator.state.JobInfo;
import dev.kinetic.emulator.state.JobKind;
import dev.kinetic.emulator.state.JobState;
import dev.kinetic.emulator.state.JobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The Bulk API 2.0 ingest job rules: create, upload (streamed to a spool file, at most
 * {@code maxUploadBytes}), close, abort, get, delete, list and the result files, with Salesforce's state machine and
 * errors. Thread-safe.
 */
public final class IngestJobService implements JobLifecycle {
    private final OrgContext context;
    private final JobStore store;
    private final JobLauncher launcher;
    private final IngestJobRunner runner;

    /**
     * @param context the org
     * @param store the job store
     * @param launcher starts jobs per the progression rule
     * @param dml the DML engine that applies rows ({@code DmlEngine::prepare})
     */
    public IngestJobService(OrgContext context, JobStore store, JobLauncher launcher, RowWriterFactory dml) {
        this.context = Objects.requireNonNull(context, "context == null");
        this.store = Objects.requireNonNull(store, "store == null");
        this.launcher = Objects.requireNonNull(launcher, "launcher == null");
        this.runner = new IngestJobRunner(context, store, dml, launcher.workers());
    }

    /**
     * Creates an Open job.
     *
     * @throws JobException 400 for a missing or invalid property or an unknown object
     */
    public JobInfo create(IngestSpec spec, String userId, double apiVersion) {
        if (spec.object() == null || spec.object().isBlank()) {
            throw JobException.invalid("INVALIDJOB", "The job has no object; set \"object\" to an sObject API name "
                    + "such as Account");
        }
        if (spec.operation() == null) {
            throw JobException.invalid("INVALIDJOB", "The job has no operation; set \"operation\" to insert, "
                    + "update, upsert, delete or hardDelete");
        }
        DmlOperation op = DmlOperation.fromApiName(spec.operation()).orElseThrow(() -> JobException.invalid(
                "INVALIDJOB", "Invalid operation '" + spec.operation()
                        + "'; use insert, update, upsert, delete or hardDelete"));
        CsvDialect dialect = JobRules.dialect(spec.contentType(), spec.columnDelimiter(), spec.lineEnding());
        String object = context.schema().find(spec.object()).map(t -> t.name()).orElseThrow(() ->
                JobException.invalid("INVALIDENTITY", "sObject type '" + spec.object()
                        + "' is not supported by the Bulk API; check the object's API name (custom objects end in "
                        + "__c)"));
        Optional<String> externalId = Optional.ofNullable(spec.externalIdFieldName()).filter(s -> !s.isBlank());
        if (op == DmlOperation.UPSERT && externalId.isEmpty()) {
            throw JobException.invalid("INVALIDJOB", "External ID was blank for " + object
                    + ". An External ID must be specified for upsert: set \"externalIdFieldName\"");
        }
        if (op != DmlOperation.UPSERT) {
            externalId = Optional.empty();
        }
        Instant now = context.clock().instant();
        String id = context.database().ids().next("750");
        JobInfo info = new JobInfo(id, JobKind.INGEST, op.apiName(), object, userId, now, now, JobState.OPEN,
                externalId, Optional.ofNullable(spec.assignmentRuleId()).filter(s -> !s.isBlank()), apiVersion,
                dialect, Optional.empty(), 0, 0, 0, Optional.empty(), false, store.nextSequence());
        store.files(id).create();
        return store.add(info).info();
    }

    /**
     * Creates a job with its data in one request (multipart): stores the data, closes the job and starts it.
     *
     * @throws JobException as {@link #create} and {@link #upload}
     */
    public JobInfo createWithData(IngestSpec spec, String userId, double apiVersion, InputStream csv) {
        JobInfo created = create(spec, userId, apiVersion);
        try {
            upload(created.id(), csv);
        } catch (JobException e) {
            store.remove(created.id());
            throw e;
        }
        return close(find(created.id()));
    }

    /**
     * Streams an upload to the job's spool file.
     *
     * @throws JobException 404 unknown job; 400 INVALIDJOBSTATE when the job is not Open or already has data;
     *     413 when the data is larger than the org's upload limit (nothing is kept)
     */
    public void upload(String jobId, InputStream body) {
        Job job = find(jobId);
        if (job.info().state() != JobState.OPEN) {
            throw JobException.invalid("INVALIDJOBSTATE", "Job " + jobId + " is " + job.info().state().wireName()
                    + "; data can only be uploaded to an Open job. Create a new job for this data");
        }
        if (!job.beginUpload()) {
            throw JobException.invalid("INVALIDJOBSTATE", "Data has already been uploaded to job " + jobId
                    + "; a Bulk API 2.0 job takes one upload. Close this job and create another for more data");
        }
        JobFiles files = store.files(jobId).create();
        boolean stored = false;
        try {
            long limit = context.config().maxUploadBytes();
            if (!copyAtMost(body, files.uploadPart(), limit)) {
                Files.deleteIfExists(files.uploadPart());
                throw new JobException(JobException.Kind.TOO_LARGE, "EXCEEDED_MAX_SIZE_REQUEST",
                        "The upload to job " + jobId + " is larger than the limit of " + limit + " bytes ("
                                + (limit / (1024 * 1024)) + " MB) per job; nothing was kept. Split the data into "
                                + "several jobs of at most 100 MB each");
            }
            Files.move(files.uploadPart(), files.upload(), StandardCopyOption.REPLACE_EXISTING);
            stored = true;
        } catch (IOException e) {
            throw JobException.invalid("API_ERROR", "The upload to job " + jobId + " could not be stored: "
                    + e.getMessage());
        } finally {
            job.endUpload(stored, context.clock().instant());
            if (stored) {
                store.save(job);
            }
        }
    }

    /**
     * Sets a job's state to UploadComplete or Aborted.
     *
     * @throws JobException 404 unknown job; 400 INVALIDJOBSTATE for any other state or a transition the job's
     *     state does not allow
     */
    @Override
    public JobInfo patch(String jobId, String state) {
        Job job = find(jobId);
        JobState target = Optional.ofNullable(state).flatMap(JobState::fromWireName)
                .filter(s -> s == JobState.UPLOAD_COMPLETE || s == JobState.ABORTED)
                .orElseThrow(() -> JobException.invalid("INVALIDJOBSTATE", "Invalid state '" + state
                        + "' for job " + jobId + "; set \"state\" to UploadComplete or Aborted"));
        return target == JobState.ABORTED ? abort(job) : close(job);
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
     * Deletes a job and its data.
     *
     * @throws JobException 404 unknown job; 400 API_ERROR when the job is Open or InProgress
     */
    @Override
    public void delete(String jobId) {
        Job job = find(jobId);
        JobState s = job.info().state();
        if (s == JobState.OPEN || s == JobState.IN_PROGRESS || job.uploading()) {
            throw JobRules.notTerminated();
        }
        job.requestStop();
        launcher.cancel(jobId);
        store.remove(jobId);
    }

    /** A page of ingest jobs. */
    @Override
    public JobPage list(Optional<String> locator, Optional<String> jobType, boolean pkChunking) {
        return JobRules.list(store, JobKind.INGEST, locator, jobType, pkChunking);
    }

    /** Which result file. */
    public enum ResultKind { SUCCESSFUL, FAILED, UNPROCESSED }

    /**
     * The result file to stream, or empty when the job has not started processing (an empty body).
     *
     * @throws JobException 404 unknown job
     */
    public Optional<Path> results(String jobId, ResultKind kind) {
        Job job = find(jobId);
        if (job.info().state().terminal()) {
            try {
                job.awaitIdle(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        JobFiles files = store.files(job.id());
        Path file = switch (kind) {
            case SUCCESSFUL -> files.successes();
            case FAILED -> files.failures();
            case UNPROCESSED -> files.unprocessed();
        };
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * After a restart: deletes partial uploads (an Open job takes its upload again), resumes jobs that were
     * processing (their committed batches are not applied again), re-launches jobs that were waiting to run, and
     * finishes the result files of jobs that ended just before the stop.
     */
    public void recover() {
        for (Job job : store.all()) {
            JobInfo i = job.info();
            if (i.kind() != JobKind.INGEST) {
                continue;
            }
            try {
                Files.deleteIfExists(store.files(i.id()).uploadPart());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot delete the partial upload of job " + i.id() + ": "
                        + e.getMessage(), e);
            }
            if (i.state() == JobState.IN_PROGRESS) {
                runner.restoreCounters(job);
                launcher.resume(job, runner::resume);
            } else if (i.state() == JobState.UPLOAD_COMPLETE) {
                launcher.ready(job, runner::run);
            } else if (i.state().terminal()) {
                runner.settle(job);
            }
        }
    }

    private JobInfo close(Job job) {
        JobState s = job.info().state();
        if (s != JobState.OPEN) {
            throw JobException.invalid("INVALIDJOBSTATE", "Job " + job.id() + " is " + s.wireName()
                    + "; only an Open job can be set to UploadComplete");
        }
        if (job.uploading()) {
            throw JobException.invalid("INVALIDJOBSTATE", "An upload to job " + job.id()
                    + " is still in progress; set UploadComplete after the upload's response");
        }
        if (!store.update(job, j -> j.transition(JobState.OPEN, JobState.UPLOAD_COMPLETE,
                context.clock().instant()))) {
            throw JobException.invalid("INVALIDJOBSTATE", "Job " + job.id() + " changed state; read it again");
        }
        JobInfo info = job.info();
        launcher.ready(job, runner::run);
        return info;
    }

    private JobInfo abort(Job job) {
        synchronized (job) {
            JobState s = job.info().state();
            if (s.terminal()) {
                throw JobRules.cannotAbort(s);
            }
            job.requestStop();
            job.state(JobState.ABORTED, context.clock().instant());
            store.save(job); // before the monitor is left, so no reader sees an Aborted that a kill could undo
        }
        launcher.cancel(job.id());
        JobInfo info = job.info();
        if (info.uploaded() && !Files.exists(store.files(job.id()).unprocessed())) {
            copyQuietly(store.files(job.id()));
        }
        return info;
    }

    private static void copyQuietly(JobFiles files) {
        try {
            PrivateFiles.copy(files.upload(), files.unprocessed());
        } catch (IOException e) {
            // The results of an aborted job are best effort.
        }
    }

    private Job find(String jobId) {
        return JobRules.find(store, JobKind.INGEST, jobId);
    }

    // Copies up to `limit` bytes; on overflow drains the rest (so the client gets the answer) and returns false.
    private static boolean copyAtMost(InputStream in, Path target, long limit) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = PrivateFiles.newOutputStream(target)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    break;
                }
                out.write(buf, 0, n);
            }
        }
        if (total <= limit) {
            return true;
        }
        Files.deleteIfExists(target);
        while (in.read(buf) > 0) {
            // Drain and discard.
        }
        return false;
    }
}
