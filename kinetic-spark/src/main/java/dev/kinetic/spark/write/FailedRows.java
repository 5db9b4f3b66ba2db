package dev.kinetic.spark.write;

import dev.kinetic.core.bulk.BulkClient;
import dev.kinetic.core.internal.csv.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Copies a job's failed results ({@code sf__Id}, {@code sf__Error} and the columns as sent) to a CSV or Parquet
 * file, counting the rows against the job's proven failed count; the file appears whole (atomic move) or not at
 * all. Stateless.
 */
final class FailedRows {
    private FailedRows() {
    }

    static void copy(BulkClient bulk, String jobId, long expected, Path target, FailedRowsFormat format) {
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            // hidden until whole: Spark's file readers skip names starting with a dot
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            long rows = write(bulk, jobId, tmp, format);
            if (rows != expected) {
                throw new IllegalStateException("Job " + jobId + " reported " + expected + " failed rows but its "
                        + "failed results held " + rows + "; " + target + " was not written");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the failed rows of job " + jobId + " to " + target + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp); // a file that is not whole never stays behind
        }
    }

    /** Copies the job's failed results into the file; returns the data rows copied. */
    private static long write(BulkClient bulk, String jobId, Path file, FailedRowsFormat format) throws IOException {
        long rows = 0;
        // CsvRows, not FastCSV: FastCSV 4.0.0-4.2.0 misreads a quoted value holding a bare CR in LF-ended rows.
        try (InputStream in = bulk.failedResults(jobId); CsvRows reader = new CsvRows(in, ',')) {
            FailedRowsFormat.RowSink out = null;
            try {
                for (List<String> r = reader.next(); r != null; r = reader.next()) {
                    if (out == null) {
                        out = format.open(file, r);
                    } else {
                        out.write(r);
                        rows++;
                    }
                }
            } finally {
                if (out != null) {
                    out.close();
                }
            }
        }
        return rows;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a hidden temporary file, skipped by readers
            }
        }
    }
}
