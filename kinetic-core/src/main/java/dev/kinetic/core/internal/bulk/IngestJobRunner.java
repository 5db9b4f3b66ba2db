package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkInterruptedException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.internal.http.AmbiguousFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one chunk as one job, exactly once: create, upload, close, and (if asked) wait. Data is processed only
 * after UploadComplete, so an upload whose outcome is unknown is answered by aborting that job and uploading to a
 * fresh one; a close whose outcome is unknown is answered by reading the job's state. Nothing the server may
 * already process is ever sent again.
 */
final class IngestJobRunner {
    private static final System.Logger LOG = System.getLogger(IngestJobRunner.class.getName());
    private static final Pattern JOB_ID = Pattern.compile("\"id\"\\s*:\\s*\"(750[0-9A-Za-z]{12,15})\"");

    private final JobApi api;
    private final JobPoller poller;
    private final int maxAttempts;

    IngestJobRunner(JobApi api, JobPoller poller, int maxAttempts) {
        this.api = api;
        this.poller = poller;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /** Uploads the chunk and closes its job; returns the job as last seen (UploadComplete or later). */
    BulkJob submit(String object, BulkOperation op, Chunk chunk, CallOptions options, AtomicLong uploaded) {
        SalesforceException last = null;
        List<BulkJob> aborted = new ArrayList<>();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            BulkJob job = create(object, op, options);
            AtomicLong sent = new AtomicLong();
            try {
                options.onJobCreated().accept(job);
                api.upload(job.id(), chunk.source(), n -> {
                    sent.addAndGet(n);
                    options.onUploadProgress().accept(uploaded.addAndGet(n));
                });
            } catch (AmbiguousFailureException e) {
                last = e;
                // The bytes counted for this attempt will be sent again to a fresh job.
                options.onUploadProgress().accept(uploaded.addAndGet(-sent.get()));
                LOG.log(System.Logger.Level.DEBUG, () -> "Upload to job " + job.id() + " failed ambiguously ("
                        + e.getMessage() + "); aborting it and uploading to a new job");
                aborted.add(abortQuietly(job));
                continue;
            } catch (BulkInterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                BulkJob left = abortQuietly(job);
                throw new BulkJobException(e.getMessage() + "; " + abortedNote(List.of(left)), List.of(left), e);
            }
            try {
                return close(job);
            } catch (BulkInterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                throw BulkJobException.after(e, List.of(job));
            }
        }
        throw new BulkJobException("Uploading " + chunk.rowCount() + " rows of " + object + " failed " + maxAttempts
                + " times in a row; nothing was loaded. Last error: " + last.getMessage() + "; "
                + abortedNote(aborted), aborted, last);
    }

    /**
     * Creates the job. When the answer is lost the job may exist anyway: if the part of the answer that arrived
     * names it, it is aborted (best effort) before the create is sent again, so no Open job is left behind.
     */
    private BulkJob create(String object, BulkOperation op, CallOptions options) {
        for (int attempt = 0; ; attempt++) {
            try {
                return api.createIngest(object, op, options);
            } catch (AmbiguousFailureException e) {
                Matcher m = JOB_ID.matcher(e.partialAnswer());
                String orphan = m.find() ? m.group(1) : null;
                String note = orphan == null ? "if the server made a job it stays Open without data and expires "
                        + "after 24 hours" : "job " + orphan + ", made by the lost answer, was aborted (best effort)";
                if (orphan != null) {
                    abortQuietly(orphan);
                }
                if (attempt + 1 >= maxAttempts) {
                    throw new SalesforceException("Creating a job for " + object + " failed " + (attempt + 1)
                            + " times; nothing was loaded; " + note + ". Last error: " + e.getMessage(), e);
                }
                LOG.log(System.Logger.Level.DEBUG, () -> "Creating a job failed ambiguously; " + note);
                api.pauseBeforeReread(attempt);
            }
        }
    }

    /** Says which jobs were aborted and which could not be (they stay Open, are never processed, expire in 24 h). */
    private static String abortedNote(List<BulkJob> jobs) {
        List<String> done = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (BulkJob j : jobs) {
            (j.state().equals(JobState.ABORTED) ? done : open).add(j.id());
        }
        String note = done.isEmpty() ? "" : "the client aborted job" + (done.size() == 1 ? " " : "s ")
                + String.join(", ", done) + " so no Open job is left behind (best effort)";
        if (!open.isEmpty()) {
            note += (note.isEmpty() ? "" : "; ") + "job" + (open.size() == 1 ? " " : "s ") + String.join(", ", open)
                    + " could not be aborted and stay" + (open.size() == 1 ? "s" : "") + " Open without data being "
                    + "processed (abort with abortJob, or it expires after 24 hours)";
        }
        return note;
    }

    /** Submits the chunk and waits for its job to end. */
    BulkJob run(String object, BulkOperation op, Chunk chunk, CallOptions options, AtomicLong uploaded) {
        BulkJob job = submit(object, op, chunk, options, uploaded);
        return options.waitForCompletion() ? poller.await(job, options) : job;
    }

    private BulkJob close(BulkJob job) {
        for (int attempt = 1; ; attempt++) {
            try {
                return api.closeOnce(job.id());
            } catch (AmbiguousFailureException e) {
                BulkJob seen = api.get(JobKind.INGEST, job.id());
                if (!seen.state().equals(JobState.OPEN)) {
                    return seen; // the close took effect
                }
                if (attempt >= maxAttempts) {
                    throw new SalesforceException("Closing job " + job.id() + " failed " + attempt + " times; the job "
                            + "is still Open with its data and nothing was processed. Close it later or abort it.",
                            e);
                }
            } catch (BulkApiException e) {
                // A close may have been applied by an earlier attempt the client never heard back from.
                BulkJob seen = api.get(JobKind.INGEST, job.id());
                if (!seen.state().equals(JobState.OPEN) && !seen.state().equals(JobState.ABORTED)) {
                    return seen;
                }
                throw e;
            }
        }
    }

    /** Aborts the job, best effort; returns it as last seen (Aborted, or as it was if the abort failed). */
    private BulkJob abortQuietly(BulkJob job) {
        BulkJob aborted = abortQuietly(job.id());
        return aborted == null ? job : aborted;
    }

    /** Aborts the job, best effort; returns it aborted, or null if the abort failed. */
    private BulkJob abortQuietly(String jobId) {
        try {
            return api.abort(JobKind.INGEST, jobId);
        } catch (RuntimeException e) {
            // An Open job that is never closed is never processed; it expires on its own after 24 hours.
            LOG.log(System.Logger.Level.DEBUG, () -> "Could not abort job " + jobId + ": " + e.getMessage());
            return null;
        }
    }
}
