package dev.kinetic.core.bulk;

import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a job's info as Salesforce reported it. Immutable; get a fresh one with
 * {@link BulkClient#getJob(String)}. Counters are 0 where the server did not send them.
 *
 * @param id the job id ({@code 750...})
 * @param kind ingest or query
 * @param operation the wire operation, e.g. {@code insert}, {@code hardDelete}, {@code queryAll}
 * @param object the sObject, e.g. {@code Account}
 * @param state the state
 * @param externalIdFieldName the external id field of an upsert, else empty
 * @param lineEnding the job's line ending
 * @param columnDelimiter the job's column delimiter
 * @param numberRecordsProcessed rows processed so far (successful and failed)
 * @param numberRecordsFailed rows that failed so far (ingest only)
 * @param retries how many times Salesforce retried saving results
 * @param totalProcessingTimeMillis processing time so far
 * @param createdDate the creation time as sent, e.g. {@code 2022-01-02T21:33:43.000+0000}; empty if not sent
 * @param systemModstamp the last change time as sent; empty if not sent
 * @param apiVersion the API version the job was created with, e.g. {@code 62.0}; empty if not sent
 * @param errorMessage the server's {@code errorMessage} of a failed job, else empty
 */
public record BulkJob(String id, JobKind kind, String operation, String object, JobState state,
                      Optional<String> externalIdFieldName, LineEnding lineEnding, ColumnDelimiter columnDelimiter,
                      long numberRecordsProcessed, long numberRecordsFailed, int retries,
                      long totalProcessingTimeMillis, String createdDate, String systemModstamp, String apiVersion,
                      Optional<String> errorMessage) {

    /** Checks that no component is null. */
    public BulkJob {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(operation, "operation == null");
        Objects.requireNonNull(object, "object == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(externalIdFieldName, "externalIdFieldName == null");
        Objects.requireNonNull(lineEnding, "lineEnding == null");
        Objects.requireNonNull(columnDelimiter, "columnDelimiter == null");
        Objects.requireNonNull(createdDate, "createdDate == null");
        Objects.requireNonNull(systemModstamp, "systemModstamp == null");
        Objects.requireNonNull(apiVersion, "apiVersion == null");
        Objects.requireNonNull(errorMessage, "errorMessage == null");
    }

    /** Rows that succeeded so far: processed minus failed (never negative). */
    public long numberRecordsSucceeded() {
        return Math.max(0, numberRecordsProcessed - numberRecordsFailed);
    }

    /** Whether this is a query or queryAll job. */
    public boolean isQuery() {
        return kind == JobKind.QUERY;
    }

    /** Whether the job has ended (complete, failed or aborted). */
    public boolean isTerminal() {
        return state.isTerminal();
    }

    /**
     * A copy with another state, e.g. for an aborted job.
     *
     * @param newState the state
     * @return the copy
     */
    public BulkJob withState(JobState newState) {
        return new BulkJob(id, kind, operation, object, newState, externalIdFieldName, lineEnding, columnDelimiter,
                numberRecordsProcessed, numberRecordsFailed, retries, totalProcessingTimeMillis, createdDate,
                systemModstamp, apiVersion, errorMessage);
    }
}
