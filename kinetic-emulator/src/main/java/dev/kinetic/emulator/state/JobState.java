package dev.kinetic.emulator.state;

import java.util.Optional;

/** A job's state, with its wire name. */
public enum JobState {
    /** Ingest job created and open for data. */
    OPEN("Open"),
    /** All data uploaded (or query created): ready to run. */
    UPLOAD_COMPLETE("UploadComplete"),
    /** Being processed. */
    IN_PROGRESS("InProgress"),
    /** Processed (rows may still have failed). */
    JOB_COMPLETE("JobComplete"),
    /** Could not be processed. */
    FAILED("Failed"),
    /** Cancelled by a user. */
    ABORTED("Aborted");

    private final String wireName;

    JobState(String wireName) {
        this.wireName = wireName;
    }

    /** The wire name, e.g. {@code UploadComplete}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the job has ended: JobComplete, Failed or Aborted. */
    public boolean terminal() {
        return this == JOB_COMPLETE || this == FAILED || this == ABORTED;
    }

    /** The state with this wire name (exact case). */
    public static Optional<JobState> fromWireName(String name) {
        for (JobState s : values()) {
            if (s.wireName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
