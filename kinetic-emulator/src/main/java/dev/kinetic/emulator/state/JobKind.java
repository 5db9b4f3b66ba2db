package dev.kinetic.emulator.state;

/** The two kinds of Bulk API 2.0 job, with the {@code jobType} the wire shows for each. */
public enum JobKind {
    /** An ingest job ({@code /jobs/ingest}). */
    INGEST("V2Ingest"),
    /** A query job ({@code /jobs/query}). */
    QUERY("V2Query");

    private final String jobType;

    JobKind(String jobType) {
        this.jobType = jobType;
    }

    /** The wire {@code jobType}, e.g. {@code V2Ingest}. */
    public String jobType() {
        return jobType;
    }
}
