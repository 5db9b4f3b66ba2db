package dev.kinetic.cli.results;

import java.nio.file.Path;

/**
 * What an ingest job's results came to: counts and the three files written. Immutable.
 *
 * @param success     rows in {@code <jobId>-success-records.csv}
 * @param failed      rows in {@code <jobId>-failed-records.csv}
 * @param unprocessed rows in {@code <jobId>-unprocessed-records.csv}
 * @param unmatched   result rows whose input row could not be found (their row number is empty)
 * @param successFile the success file
 * @param failedFile  the failed file
 * @param unprocessedFile the unprocessed file
 */
public record ResultFiles(long success, long failed, long unprocessed, long unmatched, Path successFile,
                          Path failedFile, Path unprocessedFile) {
}
