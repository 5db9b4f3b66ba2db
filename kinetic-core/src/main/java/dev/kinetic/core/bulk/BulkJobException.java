package dev.kinetic.core.bulk;

import dev.kinetic.core.SalesforceException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A call gave up after it had created one or more jobs: the sign-in, the network, the server, reading the results
 * or writing them to disk failed. {@link #jobs()} holds the jobs as last seen, so nothing is lost: a job that was
 * uploaded and closed keeps running on the server, and its results can be read later with
 * {@link BulkClient#attach(String, BulkInput)} (or {@code kinetic job results <id>}). The cause is the failure
 * itself.
 */
public class BulkJobException extends SalesforceException {
    private static final long serialVersionUID = 1L;

    private final transient List<BulkJob> jobs;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, the job ids and the way out
     * @param jobs the jobs the call created, as last seen (not empty)
     * @param cause the failure, or {@code null}
     */
    public BulkJobException(String message, List<BulkJob> jobs, Throwable cause) {
        super(message, cause);
        this.jobs = List.copyOf(Objects.requireNonNull(jobs, "jobs == null"));
    }

    /**
     * Wraps a failure that happened after jobs were created, naming them and their last known state.
     *
     * @param failure the failure
     * @param jobs the jobs created, as last seen
     * @return the exception to throw
     */
    public static BulkJobException after(RuntimeException failure, List<BulkJob> jobs) {
        if (failure instanceof BulkJobException b) {
            return b;
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new BulkJobException(message + "; " + describe(jobs), jobs, failure);
    }

    /** Names the jobs with their last known state and how to pick them up. */
    static String describe(List<BulkJob> jobs) {
        String list = jobs.stream().map(j -> j.id() + " (last seen " + j.state().name() + ")")
                .collect(Collectors.joining(", "));
        String first = jobs.isEmpty() ? "<id>" : jobs.get(0).id();
        return (jobs.size() == 1 ? "job " : "jobs ") + list + " exist" + (jobs.size() == 1 ? "s" : "")
                + " on the server: read the results later with attach(\"" + first + "\").await()";
    }

    /** {@return the jobs the call created, as last seen; never empty} */
    public List<BulkJob> jobs() {
        return jobs;
    }

    /** {@return the ids of {@link #jobs()}} */
    public List<String> jobIds() {
        return jobs.stream().map(BulkJob::id).toList();
    }
}
