package dev.kinetic.core.bulk;

import dev.kinetic.core.SalesforceException;
import java.util.Objects;
import java.util.Optional;

/**
 * A job ended {@code Failed} (or {@code Aborted} by someone else) while the client waited. Carries the server's
 * {@code errorMessage} and the partial result: rows that were processed before the failure stay processed
 * (Salesforce does not roll them back), so look at {@link #partialResult()} before retrying anything.
 */
public class JobFailedException extends SalesforceException {
    private static final long serialVersionUID = 1L;

    private final transient BulkJob job;
    private final transient BulkResult partialResult;

    /**
     * Creates the exception.
     *
     * @param job the job as last seen
     * @param partialResult the successful, failed and unprocessed rows, or {@code null} for a query job
     */
    public JobFailedException(BulkJob job, BulkResult partialResult) {
        super("Job " + job.id() + " (" + job.operation().wireName() + " " + job.object() + ") ended " + job.state()
                + job.errorMessage().map(m -> ": " + m).orElse("")
                + "; rows processed before the failure are not rolled back, see the partial result");
        this.job = Objects.requireNonNull(job, "job == null");
        this.partialResult = partialResult;
    }

    /** {@return the job as last seen} */
    public BulkJob job() {
        return job;
    }

    /**
     * {@return the server's {@code errorMessage}, e.g. {@code InvalidBatch : Field name not found : Foo}; empty if
     * none}
     */
    public String errorMessage() {
        return job.errorMessage().orElse("");
    }

    /** {@return the rows processed before the failure and those never processed; empty for a query job} */
    public Optional<BulkResult> partialResult() {
        return Optional.ofNullable(partialResult);
    }
}
