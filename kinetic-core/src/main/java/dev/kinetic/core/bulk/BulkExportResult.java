package dev.kinetic.core.bulk;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A query exported straight to a file. Immutable.
 *
 * @param job the finished query job
 * @param file the file written
 * @param recordCount how many records (data rows) were written
 * @param bytes how many bytes were written
 */
public record BulkExportResult(BulkJob job, Path file, long recordCount, long bytes) {
    /** Checks for nulls. */
    public BulkExportResult {
        Objects.requireNonNull(job, "job == null");
        Objects.requireNonNull(file, "file == null");
    }
}
