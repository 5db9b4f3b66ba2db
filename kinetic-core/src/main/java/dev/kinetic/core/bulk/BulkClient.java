package dev.kinetic.core.bulk;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Bulk API 2.0: ingest (insert, update, upsert, delete, hardDelete) from maps, CSV files or CSV streams; query
 * and queryAll into memory, as a stream or to a file; and job management. Reached with
 * {@link dev.kinetic.core.SalesforceClient#bulk()}. Thread-safe.
 *
 * <p>Map values are written as CSV the Salesforce way: {@code null} as {@code #N/A} (set the field to null), an
 * absent key leaves the field unchanged, numbers in plain notation, {@code LocalDate} as {@code yyyy-MM-dd},
 * {@code Instant}/{@code OffsetDateTime} as ISO-8601 UTC with milliseconds, booleans as {@code true}/{@code false}.
 * The header is the union of all keys, {@code Id} first, then in first-seen order.
 *
 * <p>Inputs bigger than {@link BulkOptions#maxBytesPerJob()} become several jobs that run in parallel. Transient
 * failures are retried without ever sending data twice. Every method throws
 * {@link dev.kinetic.core.BulkApiException} when Salesforce refuses a call, {@link JobFailedException} when a job
 * ends {@code Failed}, {@link BulkTimeoutException} when waiting exceeds the timeout and
 * {@link BulkInterruptedException} when the waiting thread is interrupted.
 */
public interface BulkClient {

    // ---- ingest: the general form -------------------------------------------------------------------------------

    /**
     * Runs an ingest operation over maps, streamed (the iterable is traversed once).
     *
     * @param object the sObject, e.g. {@code Account}
     * @param operation the operation; for {@link BulkOperation#UPSERT} set {@link BulkOptions#externalIdField()}
     * @param records the rows
     * @param options the options
     * @return the result
     * @throws IllegalArgumentException if an update/delete row lacks {@code Id}, an upsert row lacks the external
     *     id, or there are no rows; naming the first offending indexes, before anything is sent
     */
    BulkResult ingest(String object, BulkOperation operation, Iterable<? extends Map<String, ?>> records,
                      BulkOptions options);

    /**
     * Runs an ingest operation over a CSV file, streamed from disk. The file's delimiter and line ending must be
     * those of the options. The header must contain {@code Id} for update/delete and the external id for upsert.
     *
     * @param object the sObject
     * @param operation the operation
     * @param csvFile a UTF-8 CSV file with a header row
     * @param options the options
     * @return the result; rows' input indexes are data-row indexes in the file
     * @throws IllegalArgumentException if the header lacks a required column or the file has no header
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    BulkResult ingest(String object, BulkOperation operation, Path csvFile, BulkOptions options);

    /**
     * Runs an ingest operation over CSV read from a stream (read once; not closed).
     *
     * @param object the sObject
     * @param operation the operation
     * @param csv UTF-8 CSV with a header row
     * @param options the options
     * @return the result
     */
    BulkResult ingest(String object, BulkOperation operation, InputStream csv, BulkOptions options);

    // ---- insert -------------------------------------------------------------------------------------------------

    /**
     * Inserts records.
     *
     * @param object the sObject
     * @param records the rows
     * @return the result
     */
    default BulkResult insert(String object, Iterable<? extends Map<String, ?>> records) {
        return insert(object, records, BulkOptions.defaults());
    }

    /**
     * Inserts records.
     *
     * @param object the sObject
     * @param records the rows
     * @param options the options
     * @return the result
     */
    default BulkResult insert(String object, Iterable<? extends Map<String, ?>> records, BulkOptions options) {
        return ingest(object, BulkOperation.INSERT, records, options);
    }

    /**
     * Inserts records from a stream of maps (consumed once, not held in memory).
     *
     * @param object the sObject
     * @param records the rows
     * @param options the options
     * @return the result
     */
    default BulkResult insert(String object, Stream<? extends Map<String, ?>> records, BulkOptions options) {
        return ingest(object, BulkOperation.INSERT, iterable(records), options);
    }

    /**
     * Inserts the rows of a CSV file.
     *
     * @param object the sObject
     * @param csvFile the file
     * @param options the options
     * @return the result
     */
    default BulkResult insert(String object, Path csvFile, BulkOptions options) {
        return ingest(object, BulkOperation.INSERT, csvFile, options);
    }

    /**
     * Inserts the rows of CSV read from a stream.
     *
     * @param object the sObject
     * @param csv the CSV
     * @param options the options
     * @return the result
     */
    default BulkResult insert(String object, InputStream csv, BulkOptions options) {
        return ingest(object, BulkOperation.INSERT, csv, options);
    }

    // ---- update -------------------------------------------------------------------------------------------------

    /**
     * Updates records; every row needs an {@code Id}.
     *
     * @param object the sObject
     * @param records the rows
     * @return the result
     * @throws IllegalArgumentException naming the first indexes that lack {@code Id}
     */
    default BulkResult update(String object, Iterable<? extends Map<String, ?>> records) {
        return update(object, records, BulkOptions.defaults());
    }

    /**
     * Updates records; every row needs an {@code Id}.
     *
     * @param object the sObject
     * @param records the rows
     * @param options the options
     * @return the result
     * @throws IllegalArgumentException naming the first indexes that lack {@code Id}
     */
    default BulkResult update(String object, Iterable<? extends Map<String, ?>> records, BulkOptions options) {
        return ingest(object, BulkOperation.UPDATE, records, options);
    }

    /**
     * Updates records from a stream of maps.
     *
     * @param object the sObject
     * @param records the rows
     * @param options the options
     * @return the result
     */
    default BulkResult update(String object, Stream<? extends Map<String, ?>> records, BulkOptions options) {
        return ingest(object, BulkOperation.UPDATE, iterable(records), options);
    }

    /**
     * Updates records from a CSV file with an {@code Id} column.
     *
     * @param object the sObject
     * @param csvFile the file
     * @param options the options
     * @return the result
     */
    default BulkResult update(String object, Path csvFile, BulkOptions options) {
        return ingest(object, BulkOperation.UPDATE, csvFile, options);
    }

    // ---- upsert -------------------------------------------------------------------------------------------------

    /**
     * Inserts or updates records matched by an external id field; every row needs a value for it.
     *
     * @param object the sObject
     * @param records the rows
     * @param externalIdField e.g. {@code External_Key__c}
     * @return the result
     * @throws IllegalArgumentException naming the first indexes that lack the external id
     */
    default BulkResult upsert(String object, Iterable<? extends Map<String, ?>> records, String externalIdField) {
        return upsert(object, records, externalIdField, BulkOptions.defaults());
    }

    /**
     * Inserts or updates records matched by an external id field.
     *
     * @param object the sObject
     * @param records the rows
     * @param externalIdField e.g. {@code External_Key__c}
     * @param options the options
     * @return the result
     */
    default BulkResult upsert(String object, Iterable<? extends Map<String, ?>> records, String externalIdField,
                              BulkOptions options) {
        return ingest(object, BulkOperation.UPSERT, records, options.toBuilder().externalIdField(externalIdField)
                .build());
    }

    /**
     * Inserts or updates records from a stream of maps.
     *
     * @param object the sObject
     * @param records the rows
     * @param externalIdField e.g. {@code External_Key__c}
     * @param options the options
     * @return the result
     */
    default BulkResult upsert(String object, Stream<? extends Map<String, ?>> records, String externalIdField,
                              BulkOptions options) {
        return upsert(object, iterable(records), externalIdField, options);
    }

    /**
     * Inserts or updates records from a CSV file that has the external id column.
     *
     * @param object the sObject
     * @param csvFile the file
     * @param externalIdField e.g. {@code External_Key__c}
     * @param options the options
     * @return the result
     */
    default BulkResult upsert(String object, Path csvFile, String externalIdField, BulkOptions options) {
        return ingest(object, BulkOperation.UPSERT, csvFile, options.toBuilder().externalIdField(externalIdField)
                .build());
    }

    // ---- delete / hardDelete ------------------------------------------------------------------------------------

    /**
     * Deletes records by id (to the recycle bin).
     *
     * @param object the sObject
     * @param ids the record ids
     * @return the result
     */
    default BulkResult delete(String object, Collection<String> ids) {
        return delete(object, ids, BulkOptions.defaults());
    }

    /**
     * Deletes records by id (to the recycle bin).
     *
     * @param object the sObject
     * @param ids the record ids
     * @param options the options
     * @return the result
     */
    default BulkResult delete(String object, Collection<String> ids, BulkOptions options) {
        return ingest(object, BulkOperation.DELETE, idRows(ids), options);
    }

    /**
     * Deletes the records of a CSV file with an {@code Id} column.
     *
     * @param object the sObject
     * @param csvFile the file
     * @param options the options
     * @return the result
     */
    default BulkResult delete(String object, Path csvFile, BulkOptions options) {
        return ingest(object, BulkOperation.DELETE, csvFile, options);
    }

    /**
     * Deletes records by id for good, bypassing the recycle bin (needs the "Bulk API Hard Delete" permission).
     *
     * @param object the sObject
     * @param ids the record ids
     * @return the result
     */
    default BulkResult hardDelete(String object, Collection<String> ids) {
        return hardDelete(object, ids, BulkOptions.defaults());
    }

    /**
     * Deletes records by id for good.
     *
     * @param object the sObject
     * @param ids the record ids
     * @param options the options
     * @return the result
     */
    default BulkResult hardDelete(String object, Collection<String> ids, BulkOptions options) {
        return ingest(object, BulkOperation.HARD_DELETE, idRows(ids), options);
    }

    /**
     * Deletes for good the records of a CSV file with an {@code Id} column.
     *
     * @param object the sObject
     * @param csvFile the file
     * @param options the options
     * @return the result
     */
    default BulkResult hardDelete(String object, Path csvFile, BulkOptions options) {
        return ingest(object, BulkOperation.HARD_DELETE, csvFile, options);
    }

    // ---- query --------------------------------------------------------------------------------------------------

    /**
     * Runs a query and holds all records in memory.
     *
     * @param soql the SOQL
     * @return the records
     */
    default BulkQueryResult query(String soql) {
        return query(soql, BulkOptions.defaults());
    }

    /**
     * Runs a query and holds all records in memory.
     *
     * @param soql the SOQL
     * @param options the options (polling, paging, timeout)
     * @return the records
     */
    BulkQueryResult query(String soql, BulkOptions options);

    /**
     * Runs a queryAll (deleted and archived records too) and holds all records in memory.
     *
     * @param soql the SOQL
     * @return the records
     */
    default BulkQueryResult queryAll(String soql) {
        return queryAll(soql, BulkOptions.defaults());
    }

    /**
     * Runs a queryAll and holds all records in memory.
     *
     * @param soql the SOQL
     * @param options the options
     * @return the records
     */
    BulkQueryResult queryAll(String soql, BulkOptions options);

    /**
     * Runs a query (or queryAll), waits for it, and streams its records page by page in bounded memory.
     * {@link BulkOptions#onRecordsRead()} is told the count as records are read.
     *
     * @param soql the SOQL
     * @param includeDeleted true for queryAll
     * @param options the options
     * @return the open stream; close it
     */
    BulkRecordStream queryStream(String soql, boolean includeDeleted, BulkOptions options);

    /**
     * Runs a query (or queryAll) and writes its result CSV straight to a file (one header row, then the records;
     * delimiter and line ending of the options), page by page in bounded memory.
     *
     * @param soql the SOQL
     * @param includeDeleted true for queryAll
     * @param file the file to create or replace
     * @param options the options
     * @return what was written
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    BulkExportResult export(String soql, boolean includeDeleted, Path file, BulkOptions options);

    // ---- jobs ---------------------------------------------------------------------------------------------------

    /**
     * Fetches a job's current info, ingest or query.
     *
     * @param jobId the job id
     * @return the job
     * @throws dev.kinetic.core.BulkApiException 404 if there is no such job
     */
    BulkJob getJob(String jobId);

    /**
     * Waits for an ingest job started with {@code waitForCompletion(false)} and returns its result. Rows carry no
     * input index (-1) because the input is not known here.
     *
     * @param jobId the job id
     * @return the result
     */
    default BulkResult awaitResult(String jobId) {
        return awaitResult(jobId, BulkOptions.defaults());
    }

    /**
     * Waits for an ingest job and returns its result.
     *
     * @param jobId the job id
     * @param options polling, timeout and progress
     * @return the result
     */
    BulkResult awaitResult(String jobId, BulkOptions options);

    /**
     * Waits for an ingest job and returns its result with rows mapped to the data rows of the job's input file.
     *
     * @param jobId the job id
     * @param inputCsv the CSV file that was uploaded to the job (delimiter and line ending of the options)
     * @param options polling, timeout and progress
     * @return the result
     */
    BulkResult awaitResult(String jobId, Path inputCsv, BulkOptions options);

    /**
     * Waits until a job (ingest or query) ends, without fetching results.
     *
     * @param jobId the job id
     * @param options polling, timeout and progress
     * @return the job in its final state ({@code Failed} and {@code Aborted} are returned, not thrown)
     */
    BulkJob awaitJob(String jobId, BulkOptions options);

    /**
     * Aborts a job (ingest or query).
     *
     * @param jobId the job id
     * @return the job as the server reports it after the abort
     */
    BulkJob abortJob(String jobId);

    /**
     * Deletes a job and its data (it must have ended).
     *
     * @param jobId the job id
     */
    void deleteJob(String jobId);

    /**
     * Lists jobs, first page.
     *
     * @param kind ingest or query jobs
     * @return the first page
     */
    default BulkJobPage listJobs(JobKind kind) {
        return listJobs(kind, null);
    }

    /**
     * Lists jobs, one page.
     *
     * @param kind ingest or query jobs
     * @param pageToken the {@link BulkJobPage#nextPageToken()} of the previous page, or {@code null} for the first
     * @return the page
     */
    BulkJobPage listJobs(JobKind kind, String pageToken);

    /**
     * The raw CSV of an ingest job's successful results, streamed. Close it.
     *
     * @param jobId the job id
     * @return the body
     */
    InputStream successfulResults(String jobId);

    /**
     * The raw CSV of an ingest job's failed results, streamed. Close it.
     *
     * @param jobId the job id
     * @return the body
     */
    InputStream failedResults(String jobId);

    /**
     * The raw CSV of an ingest job's unprocessed records, streamed. Close it.
     *
     * @param jobId the job id
     * @return the body
     */
    InputStream unprocessedRecords(String jobId);

    /**
     * The raw CSV of a finished query job's results, all pages concatenated with one header row. Close it.
     *
     * @param jobId the query job id
     * @param options paging
     * @return the body
     */
    InputStream queryResults(String jobId, BulkOptions options);

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static <T> Iterable<T> iterable(Stream<T> stream) {
        return stream::iterator;
    }

    private static Iterable<Map<String, ?>> idRows(Collection<String> ids) {
        return () -> ids.stream().<Map<String, ?>>map(id -> java.util.Collections.singletonMap("Id", id)).iterator();
    }
}
