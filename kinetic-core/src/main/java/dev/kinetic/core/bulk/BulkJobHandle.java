package dev.kinetic.core.bulk;

import java.time.Duration;
import java.util.List;

/**
 * The job (or jobs, for an input split over several) of an ingest call that was started without waiting, from
 * {@code bulk.startInsert(...)} and its siblings, or picked up by id with {@link BulkClient#attach(String)} /
 * {@link BulkClient#attach(String, BulkInput)}. Poll it, wait for it with or without a timeout, cancel it, and get
 * the same {@link BulkResult} a waiting call returns, with the same exceptions. Giving up a wait (timeout,
 * interrupt) never cancels the jobs; only {@link #cancel()} does. Thread-safe.
 */
public interface BulkJobHandle {
    /** {@return the id of the first (often only) job} */
    String jobId();

    /** {@return the ids of every job of the call, in input order} */
    List<String> jobIds();

    /** {@return the jobs as last seen (at the start, the last poll or the last wait), in input order} */
    List<BulkJob> jobs();

    /**
     * Fetches the jobs' current info once.
     *
     * @return the jobs as they are now
     * @throws dev.kinetic.core.SalesforceException if the server cannot be read
     */
    List<BulkJob> poll();

    /** {@return whether every job had ended when last seen} */
    boolean isDone();

    /**
     * Waits for every job with the call's {@link IngestOptions#poll()} and returns the result.
     *
     * @return the result, rows mapped to the input where the input is known
     * @throws JobFailedException if a job ended {@code Failed} or {@code Aborted} (with the partial result)
     * @throws BulkTimeoutException if the poll options' timeout passes; the jobs keep running
     * @throws BulkInterruptedException if the thread is interrupted; the jobs keep running
     * @throws BulkJobException if the network or the server gives up, naming the jobs
     */
    BulkResult await();

    /**
     * Waits at most {@code timeout} (over all jobs) with the call's poll interval, and returns the result.
     *
     * @param timeout a positive duration
     * @return the result
     * @throws BulkTimeoutException if the time passes; the jobs keep running
     * @throws JobFailedException if a job ended {@code Failed} or {@code Aborted}
     */
    BulkResult await(Duration timeout);

    /**
     * Waits as the given options say and returns the result.
     *
     * @param poll how to wait
     * @return the result
     * @throws BulkTimeoutException if the poll options' timeout passes; the jobs keep running
     * @throws JobFailedException if a job ended {@code Failed} or {@code Aborted}
     */
    BulkResult await(PollOptions poll);

    /**
     * Aborts every job that has not ended. A later {@link #await()} throws {@link JobFailedException} with the rows
     * processed before the abort (Salesforce does not roll them back).
     *
     * @return the jobs as they are after the abort
     */
    List<BulkJob> cancel();
}
