package dev.kinetic.core.bulk;

import dev.kinetic.core.SalesforceException;
import java.time.Duration;
import java.util.Objects;

/**
 * Waiting for a job took longer than {@link PollOptions#timeout()}. The job was left running on the server: resume
 * with {@link BulkClient#attach(String, BulkInput)} using {@link #jobId()}, or stop it with {@link BulkClient#abortJob}.
 */
public class BulkTimeoutException extends SalesforceException {
    private static final long serialVersionUID = 1L;

    private final transient BulkJob job;

    /**
     * Creates the exception.
     *
     * @param job the job as last seen
     * @param waited how long the client waited
     */
    public BulkTimeoutException(BulkJob job, Duration waited) {
        super("Gave up waiting for job " + job.id() + " after " + waited + " (state " + job.state() + ", "
                + job.numberRecordsProcessed().orElse(0) + " rows processed); the job is still running: resume with "
                + "attach(\"" + job.id() + "\").await() or stop it with abortJob");
        this.job = Objects.requireNonNull(job, "job == null");
    }

    /** {@return the id of the job that is still running} */
    public String jobId() {
        return job.id();
    }

    /** {@return the job as last seen} */
    public BulkJob job() {
        return job;
    }
}
