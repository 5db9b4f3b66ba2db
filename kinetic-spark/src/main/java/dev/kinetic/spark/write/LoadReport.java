package dev.kinetic.spark.write;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * What one partition's load did, sent from the executor to the driver and kept as the partition's {@code done}
 * record: rows processed without error, rows failed, the jobs whose results these are, and whether this attempt
 * found them already loaded by an earlier one.
 *
 * @param partition the partition
 * @param succeeded rows loaded
 * @param failed rows Salesforce refused (written to failedRecordsPath when given)
 * @param jobIds the jobs that loaded them, one per chunk
 * @param resumed whether an earlier attempt's jobs were taken over instead of loading again
 */
public record LoadReport(int partition, long succeeded, long failed, List<String> jobIds, boolean resumed)
        implements WriterCommitMessage {
    /** Copies the job ids. */
    public LoadReport {
        jobIds = List.copyOf(jobIds);
    }

    String serialize() {
        return partition + "\n" + succeeded + "\n" + failed + "\n" + String.join(",", jobIds) + "\n";
    }

    static LoadReport parse(String text, boolean resumed) {
        String[] l = text.split("\n", -1);
        List<String> ids = l[3].isEmpty() ? List.of() : Arrays.asList(l[3].split(","));
        return new LoadReport(Integer.parseInt(l[0]), Long.parseLong(l[1]), Long.parseLong(l[2]), ids, resumed);
    }
}
