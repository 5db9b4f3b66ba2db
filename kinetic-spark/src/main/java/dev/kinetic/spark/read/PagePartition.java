package dev.kinetic.spark.read;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One result page of a finished query job, read by one task. {@code pageUrl} is null for the whole result read by
 * following locators (a server without {@code resultPages}).
 *
 * @param jobId the query job
 * @param pageUrl the page's {@code resultUrl}, or null
 * @param index the page's position, for messages
 */
public record PagePartition(String jobId, String pageUrl, int index) implements InputPartition {
}
