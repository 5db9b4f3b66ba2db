package dev.kinetic.core.bulk;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A query exported straight to a file. Immutable and thread-safe. A final class rather than a record so that fields
 * can be added without breaking callers; made by {@link #of(BulkJob, Path, long, long)}.
 */
public final class BulkExportResult {
    private final BulkJob job;
    private final Path file;
    private final long recordCount;
    private final long bytes;

    private BulkExportResult(BulkJob job, Path file, long recordCount, long bytes) {
        this.job = Objects.requireNonNull(job, "job == null");
        this.file = Objects.requireNonNull(file, "file == null");
        this.recordCount = recordCount;
        this.bytes = bytes;
    }

    /**
     * {@return the result of an export} (For the library, and for test doubles of {@link BulkClient}.)
     *
     * @param job the finished query job
     * @param file the file written
     * @param recordCount how many records (data rows) were written
     * @param bytes how many bytes were written
     */
    public static BulkExportResult of(BulkJob job, Path file, long recordCount, long bytes) {
        return new BulkExportResult(job, file, recordCount, bytes);
    }

    /** {@return the finished query job} */
    public BulkJob job() {
        return job;
    }

    /** {@return the file written} */
    public Path file() {
        return file;
    }

    /** {@return how many records (data rows) were written} */
    public long recordCount() {
        return recordCount;
    }

    /** {@return how many bytes were written} */
    public long bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkExportResult r && job.equals(r.job) && file.equals(r.file)
                && recordCount == r.recordCount && bytes == r.bytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(job, file, recordCount, bytes);
    }

    @Override
    public String toString() {
        return "BulkExportResult[job=" + job.id() + ", file=" + file + ", recordCount=" + recordCount + ", bytes="
                + bytes + "]";
    }
}
