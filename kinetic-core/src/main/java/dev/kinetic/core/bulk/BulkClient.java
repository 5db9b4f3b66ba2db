package dev.kinetic.core.bulk;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Bulk API 2.0: ingest (insert, update, upsert, delete, hardDelete), query into memory, as a stream or to a
 * file, and job management. Reached with {@link dev.kinetic.core.SalesforceClient#bulk()}. Thread-safe.
 *
 * <p>Every ingest operation takes its data as a {@link BulkInput} (rows as maps, a stream of maps, ids, a CSV file
 * or a CSV stream) and its options as {@link IngestOptions}; the shortcuts for a list of maps, ids and a file use
 * the defaults. A waiting call ({@code insert}) returns a {@link BulkResult}; a starting call ({@code startInsert})
 * returns a {@link BulkJobHandle} whose {@code await()} gives the same result. Queries take {@link QueryOptions}
 * (queryAll is {@link QueryOptions#includeDeleted()}).
 *
 * <p>Typed records: {@code query(soql, Account.class)} and {@code queryStream(soql, Account.class)} read records
 * into Java records or beans, and {@link BulkInput#ofObjects(List)} sends them to any ingest operation; see
 * {@link RecordType} for the types, names, nulls and relationships.
 *
 * <p>Inputs bigger than {@link IngestOptions#maxBytesPerJob()} become several jobs that run in parallel. Transient
 * failures are retried without ever sending data twice. Every method throws
 * {@link dev.kinetic.core.BulkApiException} when Salesforce refuses a call, {@link JobFailedException} when a job
 * ends {@code Failed} or {@code Aborted}, {@link BulkTimeoutException} when waiting exceeds the timeout,
 * {@link BulkInterruptedException} when the waiting thread is interrupted and {@link BulkJobException} (naming the
 * jobs) when it gives up after jobs were created.
 */
public interface BulkClient {

    // ---- insert --------------------------------------------------------------------------------------------------
    /**
     * Inserts records. The general form: every other insert method calls it.
     *
     * @param object the sObject, e.g. {@code Account}
     * @param input the rows
     * @param options the options
     * @return the result, every row mapped to its input row
     * @throws IllegalArgumentException if there are no rows, before anything is sent
     * @throws JobFailedException if a job ends {@code Failed} or {@code Aborted}
     * @throws BulkJobException if the call gives up after creating jobs, naming them
     */
    BulkResult insert(String object, BulkInput input, IngestOptions options);

    /**
     * Inserts records.
     *
     * @param object the sObject
     * @param input the rows
     * @return the result
     * @throws IllegalArgumentException if there are no rows, before anything is sent
     */
    default BulkResult insert(String object, BulkInput input) {
        return insert(object, input, IngestOptions.defaults());
    }

    /**
     * Inserts records.
     *
     * @param object the sObject
     * @param rows the rows as maps
     * @return the result
     * @throws IllegalArgumentException if there are no rows, before anything is sent
     */
    default BulkResult insert(String object, Iterable<? extends Map<String, ?>> rows) {
        return insert(object, BulkInput.ofRows(rows), IngestOptions.defaults());
    }

    /**
     * Inserts records. From a UTF-8 CSV file with a header row.
     *
     * @param object the sObject
     * @param csvFile the file
     * @return the result; input indexes are the file's data rows
     * @throws IllegalArgumentException if there are no rows, before anything is sent
     */
    default BulkResult insert(String object, Path csvFile) {
        return insert(object, BulkInput.of(csvFile), IngestOptions.defaults());
    }

    /**
     * Starts a insert and returns once the data is uploaded and the jobs closed, without waiting for them.
     *
     * @param object the sObject
     * @param input the rows
     * @param options the options; {@link IngestOptions#poll()} is how {@link BulkJobHandle#await()} waits
     * @return the handle
     * @throws IllegalArgumentException if there are no rows, before anything is sent
     */
    BulkJobHandle startInsert(String object, BulkInput input, IngestOptions options);

    // ---- update --------------------------------------------------------------------------------------------------
    /**
     * Updates records; every row needs an {@code Id}. The general form: every other update method calls it.
     *
     * @param object the sObject, e.g. {@code Account}
     * @param input the rows
     * @param options the options
     * @return the result, every row mapped to its input row
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     * @throws JobFailedException if a job ends {@code Failed} or {@code Aborted}
     * @throws BulkJobException if the call gives up after creating jobs, naming them
     */
    BulkResult update(String object, BulkInput input, IngestOptions options);

    /**
     * Updates records; every row needs an {@code Id}.
     *
     * @param object the sObject
     * @param input the rows
     * @return the result
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     */
    default BulkResult update(String object, BulkInput input) {
        return update(object, input, IngestOptions.defaults());
    }

    /**
     * Updates records; every row needs an {@code Id}.
     *
     * @param object the sObject
     * @param rows the rows as maps
     * @return the result
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     */
    default BulkResult update(String object, Iterable<? extends Map<String, ?>> rows) {
        return update(object, BulkInput.ofRows(rows), IngestOptions.defaults());
    }

    /**
     * Updates records; every row needs an {@code Id}. From a UTF-8 CSV file with a header row.
     *
     * @param object the sObject
     * @param csvFile the file
     * @return the result; input indexes are the file's data rows
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     */
    default BulkResult update(String object, Path csvFile) {
        return update(object, BulkInput.of(csvFile), IngestOptions.defaults());
    }

    /**
     * Starts a update and returns once the data is uploaded and the jobs closed, without waiting for them.
     *
     * @param object the sObject
     * @param input the rows
     * @param options the options; {@link IngestOptions#poll()} is how {@link BulkJobHandle#await()} waits
     * @return the handle
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     */
    BulkJobHandle startUpdate(String object, BulkInput input, IngestOptions options);

    // ---- upsert --------------------------------------------------------------------------------------------------
    /**
     * Inserts or updates records matched by an external id field; every row needs a value for it. The general form: every other upsert method calls it.
     *
     * @param object the sObject, e.g. {@code Account}
     * @param input the rows
     * @param externalIdField the external id field, e.g. {@code External_Key__c}
     * @param options the options
     * @return the result, every row mapped to its input row
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack the external id, before anything is sent
     * @throws JobFailedException if a job ends {@code Failed} or {@code Aborted}
     * @throws BulkJobException if the call gives up after creating jobs, naming them
     */
    BulkResult upsert(String object, BulkInput input, String externalIdField, IngestOptions options);

    /**
     * Inserts or updates records matched by an external id field; every row needs a value for it.
     *
     * @param object the sObject
     * @param input the rows
     * @param externalIdField the external id field, e.g. {@code External_Key__c}
     * @return the result
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack the external id, before anything is sent
     */
    default BulkResult upsert(String object, BulkInput input, String externalIdField) {
        return upsert(object, input, externalIdField, IngestOptions.defaults());
    }

    /**
     * Inserts or updates records matched by an external id field; every row needs a value for it.
     *
     * @param object the sObject
     * @param rows the rows as maps
     * @param externalIdField the external id field, e.g. {@code External_Key__c}
     * @return the result
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack the external id, before anything is sent
     */
    default BulkResult upsert(String object, Iterable<? extends Map<String, ?>> rows, String externalIdField) {
        return upsert(object, BulkInput.ofRows(rows), externalIdField, IngestOptions.defaults());
    }

    /**
     * Inserts or updates records matched by an external id field; every row needs a value for it. From a UTF-8 CSV file with a header row.
     *
     * @param object the sObject
     * @param csvFile the file
     * @param externalIdField the external id field, e.g. {@code External_Key__c}
     * @return the result; input indexes are the file's data rows
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack the external id, before anything is sent
     */
    default BulkResult upsert(String object, Path csvFile, String externalIdField) {
        return upsert(object, BulkInput.of(csvFile), externalIdField, IngestOptions.defaults());
    }

    /**
     * Starts a upsert and returns once the data is uploaded and the jobs closed, without waiting for them.
     *
     * @param object the sObject
     * @param input the rows
     * @param externalIdField the external id field, e.g. {@code External_Key__c}
     * @param options the options; {@link IngestOptions#poll()} is how {@link BulkJobHandle#await()} waits
     * @return the handle
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack the external id, before anything is sent
     */
    BulkJobHandle startUpsert(String object, BulkInput input, String externalIdField, IngestOptions options);

    // ---- delete --------------------------------------------------------------------------------------------------
    /**
     * Deletes records by id (to the recycle bin); every row needs an {@code Id}. The general form: every other delete method calls it.
     *
     * @param object the sObject, e.g. {@code Account}
     * @param input the rows
     * @param options the options
     * @return the result, every row mapped to its input row
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     * @throws JobFailedException if a job ends {@code Failed} or {@code Aborted}
     * @throws BulkJobException if the call gives up after creating jobs, naming them
     */
    BulkResult delete(String object, BulkInput input, IngestOptions options);

    /**
     * Deletes records by id (to the recycle bin); every row needs an {@code Id}.
     *
     * @param object the sObject
     * @param input the rows
     * @return the result
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     */
    default BulkResult delete(String object, BulkInput input) {
        return delete(object, input, IngestOptions.defaults());
    }

    /**
     * Deletes records by id (to the recycle bin); every row needs an {@code Id}.
     *
     * @param object the sObject
     * @param ids the record ids
     * @return the result
     */
    default BulkResult delete(String object, Collection<String> ids) {
        return delete(object, BulkInput.ofIds(ids), IngestOptions.defaults());
    }

    /**
     * Deletes records by id (to the recycle bin); every row needs an {@code Id}. From a UTF-8 CSV file with a header row.
     *
     * @param object the sObject
     * @param csvFile the file
     * @return the result; input indexes are the file's data rows
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     */
    default BulkResult delete(String object, Path csvFile) {
        return delete(object, BulkInput.of(csvFile), IngestOptions.defaults());
    }

    /**
     * Starts a delete and returns once the data is uploaded and the jobs closed, without waiting for them.
     *
     * @param object the sObject
     * @param input the rows
     * @param options the options; {@link IngestOptions#poll()} is how {@link BulkJobHandle#await()} waits
     * @return the handle
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     */
    BulkJobHandle startDelete(String object, BulkInput input, IngestOptions options);

    // ---- hardDelete ----------------------------------------------------------------------------------------------
    /**
     * Deletes records by id for good, bypassing the recycle bin (needs the "Bulk API Hard Delete" permission). The general form: every other hardDelete method calls it.
     *
     * @param object the sObject, e.g. {@code Account}
     * @param input the rows
     * @param options the options
     * @return the result, every row mapped to its input row
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     * @throws JobFailedException if a job ends {@code Failed} or {@code Aborted}
     * @throws BulkJobException if the call gives up after creating jobs, naming them
     */
    BulkResult hardDelete(String object, BulkInput input, IngestOptions options);

    /**
     * Deletes records by id for good, bypassing the recycle bin (needs the "Bulk API Hard Delete" permission).
     *
     * @param object the sObject
     * @param input the rows
     * @return the result
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     */
    default BulkResult hardDelete(String object, BulkInput input) {
        return hardDelete(object, input, IngestOptions.defaults());
    }

    /**
     * Deletes records by id for good, bypassing the recycle bin (needs the "Bulk API Hard Delete" permission).
     *
     * @param object the sObject
     * @param ids the record ids
     * @return the result
     */
    default BulkResult hardDelete(String object, Collection<String> ids) {
        return hardDelete(object, BulkInput.ofIds(ids), IngestOptions.defaults());
    }

    /**
     * Deletes records by id for good, bypassing the recycle bin (needs the "Bulk API Hard Delete" permission). From a UTF-8 CSV file with a header row.
     *
     * @param object the sObject
     * @param csvFile the file
     * @return the result; input indexes are the file's data rows
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     */
    default BulkResult hardDelete(String object, Path csvFile) {
        return hardDelete(object, BulkInput.of(csvFile), IngestOptions.defaults());
    }

    /**
     * Starts a hardDelete and returns once the data is uploaded and the jobs closed, without waiting for them.
     *
     * @param object the sObject
     * @param input the rows
     * @param options the options; {@link IngestOptions#poll()} is how {@link BulkJobHandle#await()} waits
     * @return the handle
     * @throws IllegalArgumentException if there are no rows or naming the first indexes that lack {@code Id}, before anything is sent
     */
    BulkJobHandle startHardDelete(String object, BulkInput input, IngestOptions options);

    // ---- query --------------------------------------------------------------------------------------------------

    /**
     * Runs a query and holds all records in memory.
     *
     * @param soql the SOQL
     * @return the records
     * @throws JobFailedException if the query job ends {@code Failed} or {@code Aborted}
     */
    default BulkQueryResult query(String soql) {
        return query(soql, QueryOptions.defaults());
    }

    /**
     * Runs a query (or queryAll, see {@link QueryOptions#includeDeleted()}) and holds all records in memory.
     *
     * @param soql the SOQL
     * @param options the options
     * @return the records
     * @throws JobFailedException if the query job ends {@code Failed} or {@code Aborted}
     */
    BulkQueryResult query(String soql, QueryOptions options);

    /**
     * Runs a query, waits for it, and streams its records page by page in bounded memory.
     *
     * @param soql the SOQL
     * @param options the options; {@link QueryOptions#onRecordsRead()} is told the count as records are read
     * @return the open stream; close it
     * @throws JobFailedException if the query job ends {@code Failed} or {@code Aborted}
     */
    BulkRecordStream queryStream(String soql, QueryOptions options);

    /**
     * Runs a query and streams its records with the default options.
     *
     * @param soql the SOQL
     * @return the open stream; close it
     */
    default BulkRecordStream queryStream(String soql) {
        return queryStream(soql, QueryOptions.defaults());
    }

    /**
     * Runs a query and reads its records into Java records or beans, held in memory, with the {@link RecordType}
     * defaults (unknown columns ignored, missing fields null).
     *
     * @param soql the SOQL
     * @param type a record or bean class, e.g. {@code Account.class}
     * @param <T> the type
     * @return the objects, in the order Salesforce returned the records
     * @throws IllegalArgumentException if the class cannot be bound, before anything is sent
     * @throws RecordMappingException if a record does not fit the type, naming the column, value, row and type
     * @throws JobFailedException if the query job ends {@code Failed} or {@code Aborted}
     */
    default <T> List<T> query(String soql, Class<T> type) {
        return query(soql, RecordType.of(type), QueryOptions.defaults());
    }

    /**
     * Runs a query (or queryAll, see {@link QueryOptions#includeDeleted()}) and reads its records into Java records
     * or beans, held in memory. The general form of the typed query.
     *
     * @param soql the SOQL
     * @param type the binding, e.g. {@code RecordType.of(Account.class).refuseUnknownColumns()}
     * @param options the options
     * @param <T> the type
     * @return the objects, in the order Salesforce returned the records
     * @throws RecordMappingException if a record does not fit the type, naming the column, value, row and type
     * @throws JobFailedException if the query job ends {@code Failed} or {@code Aborted}
     */
    <T> List<T> query(String soql, RecordType<T> type, QueryOptions options);

    /**
     * Runs a query and streams its records as Java records or beans, page by page in bounded memory. Close the
     * stream (try-with-resources) to release the connection.
     *
     * @param soql the SOQL
     * @param type the binding
     * @param options the options
     * @param <T> the type
     * @return the open stream, sequential; a record that does not fit throws {@link RecordMappingException} when
     *     it is reached
     * @throws JobFailedException if the query job ends {@code Failed} or {@code Aborted}
     */
    <T> Stream<T> queryStream(String soql, RecordType<T> type, QueryOptions options);

    /**
     * Runs a query and streams its records as Java records or beans with the defaults. Close the stream.
     *
     * @param soql the SOQL
     * @param type a record or bean class
     * @param <T> the type
     * @return the open stream
     * @throws IllegalArgumentException if the class cannot be bound, before anything is sent
     */
    default <T> Stream<T> queryStream(String soql, Class<T> type) {
        return queryStream(soql, RecordType.of(type), QueryOptions.defaults());
    }

    /**
     * Runs a query and writes its result CSV straight to a file (one header row, then the records; delimiter and
     * line ending of the options), page by page in bounded memory.
     *
     * @param soql the SOQL
     * @param file the file to create or replace
     * @param options the options
     * @return what was written
     * @throws java.io.UncheckedIOException if the file cannot be written
     * @throws JobFailedException if the query job ends {@code Failed} or {@code Aborted}
     */
    BulkExportResult export(String soql, Path file, QueryOptions options);

    /**
     * Runs a query and writes its result CSV to a file with the default options.
     *
     * @param soql the SOQL
     * @param file the file to create or replace
     * @return what was written
     */
    default BulkExportResult export(String soql, Path file) {
        return export(soql, file, QueryOptions.defaults());
    }

    // ---- jobs ---------------------------------------------------------------------------------------------------

    /**
     * A handle on an ingest job started earlier (by this process or another) whose input is not known: its result
     * rows carry no input index ({@link BulkRecord#findInputIndex()} is empty).
     *
     * @param jobId the job id
     * @return the handle; {@code await} waits with {@link PollOptions#defaults()}
     * @throws dev.kinetic.core.BulkApiException 404 if there is no such job
     */
    BulkJobHandle attach(String jobId);

    /**
     * A handle on an ingest job started earlier, given the input that was uploaded to it (for instance after a
     * restart), so that its result rows are mapped to the input rows again.
     *
     * @param jobId the job id
     * @param input the job's input (one job's worth; a CSV input in the job's delimiter and line ending)
     * @return the handle
     * @throws IllegalArgumentException if the input is bigger than one job can hold, or lacks the job's key column
     */
    BulkJobHandle attach(String jobId, BulkInput input);

    /**
     * Fetches a job's current info, ingest or query.
     *
     * @param jobId the job id
     * @return the job
     * @throws dev.kinetic.core.BulkApiException 404 if there is no such job
     */
    BulkJob getJob(String jobId);

    /**
     * Waits until a job (ingest or query) ends, without reading its results.
     *
     * @param jobId the job id
     * @param poll how to wait
     * @return the job, {@code JobComplete}
     * @throws JobFailedException if the job ended {@code Failed} or {@code Aborted}, as every waiting call does
     * @throws BulkTimeoutException if the timeout passes; the job keeps running
     */
    BulkJob awaitJob(String jobId, PollOptions poll);

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
     * @param options paging ({@link QueryOptions#includeDeleted()} and polling do not apply to a finished job)
     * @return the body
     */
    InputStream queryResults(String jobId, QueryOptions options);

    // ---- query results page by page (for engines that read pages in parallel, e.g. Spark) --------------------------

    /**
     * Creates a query job (a queryAll with {@link QueryOptions#includeDeleted()}) and waits until it is
     * {@code JobComplete}, without reading its results: read them with {@link #queryResultPageUrls(String, QueryOptions)} and
     * {@link #queryResultPage(String, String)}, or {@link #queryResults(String, QueryOptions)}.
     *
     * @param soql the SOQL SELECT
     * @param options includeDeleted and polling
     * @return the finished job
     * @throws JobFailedException when the job ends {@code Failed} or {@code Aborted}
     */
    BulkJob runQuery(String soql, QueryOptions options);

    /**
     * Lists the URLs of a finished query job's result pages, in order ({@code GET …/jobs/query/{id}/resultPages},
     * API v58.0 and later), following its continuation links.
     *
     * @param jobId a {@code JobComplete} query job
     * @param options {@link QueryOptions#maxRecordsPerPage()} sizes the pages (0: the server's size)
     * @return the page URLs, or empty when the server has no resultPages resource (read the job with
     *     {@link #queryResults(String, QueryOptions)}, which follows locators)
     */
    Optional<List<String>> queryResultPageUrls(String jobId, QueryOptions options);

    /**
     * Downloads one result page to a temporary file and proves it complete against its
     * {@code Sforce-NumberOfRecords} and a final line break, downloading it again with the back-off if it broke off
     * or came up short. The CSV starts with its header row. Close it (that deletes the file).
     *
     * @param jobId the query job
     * @param pageUrl one URL of {@link #queryResultPageUrls(String, QueryOptions)}
     * @return the page's CSV
     * @throws IncompleteResultException when the page stays short
     */
    InputStream queryResultPage(String jobId, String pageUrl);
}
