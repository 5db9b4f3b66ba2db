package dev.kinetic.spark.write;

import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.spark.SalesforceOptions;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A write's settings, read from its options and checked on the driver before any task starts.
 *
 * @param object the object loaded
 * @param operation insert, update, upsert, delete or hardDelete
 * @param externalIdField the upsert's external id field, or null
 * @param checkpoint the checkpoint folder
 * @param failedRecordsPath where failed rows go, or null
 * @param failedRecordsFormat how failed rows are written
 * @param maxBytesPerJob the most CSV bytes per job
 */
record LoadSettings(String object, BulkOperation operation, String externalIdField, String checkpoint,
                    String failedRecordsPath, FailedRowsFormat failedRecordsFormat, long maxBytesPerJob)
        implements Serializable {
    /** Bulk API 2.0 refuses a job's upload over 150 MB; 100 MB leaves room for multi-byte characters. */
    static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    static final long MAX_BYTES = 150L * 1024 * 1024;

    static LoadSettings of(SalesforceOptions o) {
        String object = o.require("object", "name the object to load, e.g. option(\"object\", \"Account\")");
        String op = o.get("operation").orElse("insert").strip();
        BulkOperation operation = switch (op.toLowerCase(Locale.ROOT)) {
            case "insert" -> BulkOperation.INSERT;
            case "update" -> BulkOperation.UPDATE;
            case "upsert" -> BulkOperation.UPSERT;
            case "delete" -> BulkOperation.DELETE;
            case "harddelete" -> BulkOperation.HARD_DELETE;
            default -> throw new IllegalArgumentException("The option 'operation' is '" + op + "'; use insert, "
                    + "update, upsert, delete or hardDelete");
        };
        String ext = o.get("externalIdField").orElse(null);
        if (operation == BulkOperation.UPSERT && ext == null) {
            throw new IllegalArgumentException("operation 'upsert' needs the option 'externalIdField' (e.g. "
                    + "External_Key__c, or Id)");
        }
        String checkpoint = o.require("checkpointLocation", "a folder shared by the driver and every executor, "
                + "where each partition records its jobs so that a retried task never loads a row twice");
        long max = o.number("maxBytesPerJob", DEFAULT_MAX_BYTES);
        if (max <= 0 || max > MAX_BYTES) {
            throw new IllegalArgumentException("The option 'maxBytesPerJob' is " + max + "; give 1 to " + MAX_BYTES
                    + " (Bulk API 2.0 takes at most 150 MB per job)");
        }
        FailedRowsFormat format = FailedRowsFormat.of(o.get("failedRecordsFormat").orElse("csv"));
        return new LoadSettings(object, operation, ext, checkpoint, o.get("failedRecordsPath").orElse(null), format,
                max);
    }

    Path checkpointPath() {
        return Path.of(checkpoint);
    }

    Optional<Path> failedRecords() {
        return Optional.ofNullable(failedRecordsPath).map(Path::of);
    }

    boolean deletes() {
        return operation == BulkOperation.DELETE || operation == BulkOperation.HARD_DELETE;
    }
}
