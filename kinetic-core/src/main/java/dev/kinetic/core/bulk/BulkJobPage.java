package dev.kinetic.core.bulk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a job list. Immutable and thread-safe. A final class rather than a record so that fields can be added
 * without breaking callers; made by {@link #of(List, Optional)}.
 */
public final class BulkJobPage {
    private final List<BulkJob> jobs;
    private final Optional<String> nextPageToken;

    private BulkJobPage(List<BulkJob> jobs, Optional<String> nextPageToken) {
        this.jobs = List.copyOf(jobs);
        this.nextPageToken = Objects.requireNonNull(nextPageToken, "nextPageToken == null");
    }

    /**
     * {@return a page of these jobs} (For the library, and for test doubles of {@link BulkClient}.)
     *
     * @param jobs the jobs of the page; copied
     * @param nextPageToken the token of the next page; empty on the last page
     */
    public static BulkJobPage of(List<BulkJob> jobs, Optional<String> nextPageToken) {
        return new BulkJobPage(jobs, nextPageToken);
    }

    /** {@return the jobs of this page (Salesforce returns up to 1,000, in no set order)} */
    public List<BulkJob> jobs() {
        return jobs;
    }

    /**
     * {@return the token to pass to {@link BulkClient#listJobs(JobKind, String)} for the next page; empty on the
     * last page}
     */
    public Optional<String> nextPageToken() {
        return nextPageToken;
    }

    /** {@return whether this is the last page} */
    public boolean isLast() {
        return nextPageToken.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkJobPage p && jobs.equals(p.jobs) && nextPageToken.equals(p.nextPageToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobs, nextPageToken);
    }

    @Override
    public String toString() {
        return "BulkJobPage[jobs=" + jobs + ", nextPageToken=" + nextPageToken.orElse("(last page)") + "]";
    }
}
