package dev.kinetic.core.bulk;

import java.util.List;
import java.util.Map;

/**
 * The outcome of an ingest call whose jobs have all ended: one or more jobs (inputs over
 * {@link IngestOptions#maxBytesPerJob()} are split),
 * their counts, and their result rows mapped to the input rows. Counts come from the jobs' info; rows are fetched
 * from Salesforce when first asked for. The list methods hold all rows of that kind in memory; for big jobs use the
 * {@code stream...} methods, which read in bounded memory. Thread-safe.
 */
public interface BulkResult {
    /** {@return the first (often only) job; for a split input see {@link #jobs()}} */
    BulkJob job();

    /** {@return every job of this call, in input order (the first job has the first rows)} */
    List<BulkJob> jobs();

    /** {@return rows that succeeded, over all jobs} */
    long successCount();

    /** {@return rows that failed, over all jobs} */
    long failedCount();

    /**
     * {@return rows that were not processed (aborted or failed jobs), over all jobs} Reads the unprocessed records
     * from the server the first time if any job did not complete.
     */
    long unprocessedCount();

    /**
     * {@return the successful rows ({@code sf__Id}, {@code sf__Created}, original columns), each with its input
     * index}
     */
    List<BulkRecord> successRecords();

    /** {@return the failed rows ({@code sf__Id}, {@code sf__Error}, original columns), each with its input index} */
    List<BulkRecord> failedRecords();

    /** {@return the rows never processed (original columns), each with its input index} */
    List<BulkRecord> unprocessedRecords();

    /**
     * {@return the failed rows parsed into errors (status code, message, fields), in the order of
     * {@link #failedRecords()}}
     */
    List<BulkError> errors();

    /**
     * {@return the original input rows of the failures, in input order} So
     * {@code bulk.insert("Account", result.failedRecordsForRetry())} retries exactly what failed. For a list of maps,
     * these are the caller's own maps; for a CSV file or typed objects, the rows read back from the file or upload
     * (string values); for a one-shot stream, the original columns as Salesforce echoed them.
     */
    List<Map<String, Object>> failedRecordsForRetry();

    /**
     * {@return a stream of the successful rows of all jobs, in bounded memory, each with its input index}
     * Close it.
     */
    BulkRecordStream streamSuccessRecords();

    /**
     * {@return a stream of the failed rows of all jobs, in bounded memory, each with its input index}
     * Close it.
     */
    BulkRecordStream streamFailedRecords();

    /**
     * {@return a stream of the unprocessed rows of all jobs, in bounded memory, each with its input index}
     * Close it.
     */
    BulkRecordStream streamUnprocessedRecords();
}
