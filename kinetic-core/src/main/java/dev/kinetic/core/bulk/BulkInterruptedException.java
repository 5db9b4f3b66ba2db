package dev.kinetic.core.bulk;

import dev.kinetic.core.SalesforceException;

/**
 * The waiting thread was interrupted. The job was not aborted: it keeps running on the server and can be resumed
 * with {@link BulkClient#attach(String, BulkInput)}. The thread's interrupt flag is set again before this is thrown.
 */
public class BulkInterruptedException extends SalesforceException {
    private static final long serialVersionUID = 1L;

    /** The job that was being waited for; empty if none was created yet. */
    private final String jobId;

    /**
     * Creates the exception.
     *
     * @param jobId the job that is still running, or an empty string if none was created yet
     * @param cause the interruption
     */
    public BulkInterruptedException(String jobId, InterruptedException cause) {
        super(jobId.isEmpty() ? "Interrupted before a job was created"
                : "Interrupted while waiting for job " + jobId + "; the job keeps running: resume with attach(\""
                + jobId + "\").await()", cause);
        this.jobId = jobId;
    }

    /** {@return the job that is still running; empty if none was created yet} */
    public String jobId() {
        return jobId;
    }
}
