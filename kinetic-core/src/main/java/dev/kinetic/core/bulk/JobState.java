package dev.kinetic.core.bulk;

import java.util.Objects;

/**
 * The state of a job. An expandable value: the constants are the documented states, and {@link #of(String)}
 * accepts any other name a newer server may send. Immutable; compare with {@link #equals(Object)}.
 */
public final class JobState {
    /** Ingest job created, data may be uploaded. */
    public static final JobState OPEN = new JobState("Open");
    /** All data uploaded (ingest) or query queued. */
    public static final JobState UPLOAD_COMPLETE = new JobState("UploadComplete");
    /** Being processed. */
    public static final JobState IN_PROGRESS = new JobState("InProgress");
    /** Processed; individual records may still have failed. */
    public static final JobState JOB_COMPLETE = new JobState("JobComplete");
    /** The job could not be processed; see the job's error message. */
    public static final JobState FAILED = new JobState("Failed");
    /** Cancelled. */
    public static final JobState ABORTED = new JobState("Aborted");

    private final String name;

    private JobState(String name) {
        this.name = name;
    }

    /**
     * The state with a wire name, e.g. {@code JobComplete}.
     *
     * @param name the wire name
     * @return a constant if the name is a documented state, else a new value
     */
    public static JobState of(String name) {
        Objects.requireNonNull(name, "name == null");
        for (JobState s : new JobState[] {OPEN, UPLOAD_COMPLETE, IN_PROGRESS, JOB_COMPLETE, FAILED, ABORTED}) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        return new JobState(name);
    }

    /** {@return the wire name, e.g. {@code JobComplete}} */
    public String name() {
        return name;
    }

    /** {@return whether the job has ended: {@code JobComplete}, {@code Failed} or {@code Aborted}} */
    public boolean isTerminal() {
        return equals(JOB_COMPLETE) || equals(FAILED) || equals(ABORTED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobState s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
