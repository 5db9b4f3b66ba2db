package dev.kinetic.core.bulk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a job list. Immutable.
 *
 * @param jobs the jobs of this page (Salesforce returns up to 1,000, in no set order)
 * @param nextPageToken pass it to {@link BulkClient#listJobs(JobKind, String)} for the next page; empty on the last
 */
public record BulkJobPage(List<BulkJob> jobs, Optional<String> nextPageToken) {
    /** Checks for nulls and copies the list. */
    public BulkJobPage {
        jobs = List.copyOf(jobs);
        Objects.requireNonNull(nextPageToken, "nextPageToken == null");
    }

    /** Whether this is the last page. */
    public boolean isLast() {
        return nextPageToken.isEmpty();
    }
}
