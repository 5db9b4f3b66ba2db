package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkInterruptedException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.BulkOptions;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.internal.http.AmbiguousFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one chunk as one job, exactly once: create, upload, close, and (if asked) wait. Data is processed only
 * after UploadComplete, so an upload whose outcome is unknown is answered by aborting that job and uploading to a
 * fresh one; a close whose outcome is unknown is answered by reading the job's state. Nothing the server may
 * already process is ever sent again.
 */
final class IngestJobRunner {
    private static final System.Logger LOG = System.getLogger(IngestJobRunner.class.getName());

    private final JobApi api;
    private final JobPoller poller;
    private final int maxAttempts;

    IngestJobRunner(JobApi api, JobPoller poller, int maxAttempts) {
        this.api = api;
        this.poller = poller;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /** Uploads the chunk and closes its job; returns the job as last seen (UploadComplete or later). */
    BulkJob submit(String object, BulkOperation op, Chunk chunk, BulkOptions options, AtomicLong uploaded) {
        SalesforceException last = null;
        List<BulkJob> aborted = new ArrayList<>();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            BulkJob job = api.createIngest(object, op, options);
            AtomicLong sent = new AtomicLong();
            try {
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
    BulkJob run(String object, BulkOperation op, Chunk chunk, BulkOptions options, AtomicLong uploaded) {
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
        try {
            return api.abort(JobKind.INGEST, job.id());
        } catch (RuntimeException e) {
            // An Open job that is never closed is never processed; it expires on its own after 24 hours.
            LOG.log(System.Logger.Level.DEBUG, () -> "Could not abort job " + job.id() + ": " + e.getMessage());
            return job;
        }
    }
}
