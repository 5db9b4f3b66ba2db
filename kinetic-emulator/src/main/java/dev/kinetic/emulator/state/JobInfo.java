package dev.kinetic.emulator.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A consistent snapshot of one job's metadata, as the JobInfo JSON shows it. Immutable.
 *
 * @param id the 18-character job id ({@code 750…})
 * @param kind ingest or query
 * @param operation the wire operation, e.g. {@code insert}, {@code queryAll}
 * @param object the sObject API name
 * @param createdById the creator's user id
 * @param createdDate when the job was created
 * @param systemModstamp when the job last changed
 * @param state the state
 * @param externalIdFieldName the upsert key, if any
 * @param assignmentRuleId the assignment rule given at create, if any
 * @param apiVersion the API version of the create call, e.g. 62.0
 * @param dialect delimiter and line ending
 * @param query the SOQL of a query job, if any
 * @param processed numberRecordsProcessed
 * @param failed numberRecordsFailed
 * @param totalProcessingTime milliseconds spent processing
 * @param errorMessage why the job failed, if it did
 * @param uploaded whether an ingest job has its data
 * @param sequence creation order, for listing
 */
public record JobInfo(String id, JobKind kind, String operation, String object, String createdById,
                      Instant createdDate, Instant systemModstamp, JobState state,
                      Optional<String> externalIdFieldName, Optional<String> assignmentRuleId, double apiVersion,
                      CsvDialect dialect, Optional<String> query, long processed, long failed,
                      long totalProcessingTime, Optional<String> errorMessage, boolean uploaded, long sequence) {
    /**
     * Keeps the times to the millisecond, as the job table stores them ({@code TIMESTAMP(3)}, which rounds), so a job
     * shows the same {@code createdDate} before and after a restart.
     */
    public JobInfo {
        createdDate = createdDate.truncatedTo(ChronoUnit.MILLIS);
        systemModstamp = systemModstamp.truncatedTo(ChronoUnit.MILLIS);
    }
}
