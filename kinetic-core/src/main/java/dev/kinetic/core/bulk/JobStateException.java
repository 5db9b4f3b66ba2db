package dev.kinetic.core.bulk;

import java.util.List;

/**
 * A job stopped behaving like a job: its state went backwards (e.g. {@code UploadComplete} to {@code Open}, as after
 * a server crash), or it did not move (neither its state nor its processed count) for
 * {@link PollOptions#stallTimeout()}. The client stops waiting instead of waiting without end; the job is left as it
 * is on the server.
 */
public class JobStateException extends BulkJobException {
    private static final long serialVersionUID = 1L;

    /** Whether the job stood still (rather than going backwards). */
    private final boolean stalled;

    /**
     * Creates the exception.
     *
     * @param message what the job did
     * @param job the job as last seen
     * @param stalled true if the job did not move, false if its state went backwards
     */
    public JobStateException(String message, BulkJob job, boolean stalled) {
        super(message + "; " + describe(List.of(job)), List.of(job), null);
        this.stalled = stalled;
    }

    /**
     * {@return true if the job did not move for the stall timeout (it may still be running); false if it went
     * backwards}
     */
    public boolean stalled() {
        return stalled;
    }

    /** {@return the job's id} */
    public String jobId() {
        return jobs().get(0).id();
    }

    /** {@return the job as last seen} */
    public BulkJob job() {
        return jobs().get(0);
    }
}
