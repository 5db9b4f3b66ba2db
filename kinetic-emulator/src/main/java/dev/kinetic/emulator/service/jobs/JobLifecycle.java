package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.state.JobInfo;
import java.util.Optional;

/** What ingest and query jobs share: reading, moving to another state, deleting and listing them. */
public interface JobLifecycle {
    /** The job's info, counting the read as a poll for the progression rule. */
    JobInfo get(String jobId);

    /** Moves the job to {@code state} ({@code UploadComplete} or {@code Aborted}, as each kind allows). */
    JobInfo patch(String jobId, String state);

    /** Deletes the job and its files. */
    void delete(String jobId);

    /** A page of jobs of this kind. */
    JobPage list(Optional<String> locator, Optional<String> jobType, boolean pkChunking);
}
