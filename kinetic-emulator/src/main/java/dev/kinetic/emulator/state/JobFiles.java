package dev.kinetic.emulator.state;

import dev.kinetic.emulator.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The spool files of one job, in a directory named after the job under the org's spool directory: the uploaded data,
 * the three ingest result files, the result rows of each committed batch while the job runs, and a query's result
 * file with its sparse row index. Immutable.
 *
 * @param dir the job's directory
 */
public record JobFiles(Path dir) {
    /** The uploaded CSV, exactly as received (inflated). */
    public Path upload() {
        return dir.resolve("upload.csv");
    }

    /** A partial upload being received; renamed to {@link #upload()} when complete. */
    public Path uploadPart() {
        return dir.resolve("upload.csv.part");
    }

    /** successfulResults CSV. */
    public Path successes() {
        return dir.resolve("success.csv");
    }

    /** failedResults CSV. */
    public Path failures() {
        return dir.resolve("failed.csv");
    }

    /** unprocessedrecords CSV. */
    public Path unprocessed() {
        return dir.resolve("unprocessed.csv");
    }

    /**
     * The result rows of internal batch {@code n}: its successfulResults rows, then its failedResults rows (their
     * lengths are in the {@link BatchLog}). Written before the batch commits; deleted once the job has ended.
     */
    public Path batchResults(int n) {
        return batchResultsDir().resolve(n + ".csv");
    }

    /** The directory of the {@link #batchResults(int)} files. */
    public Path batchResultsDir() {
        return dir.resolve("batches");
    }

    /** A query job's result CSV. */
    public Path queryResult() {
        return dir.resolve("query.csv");
    }

    /** A query job's sparse index: byte offsets of every {@code n}th row. */
    public Path queryIndex() {
        return dir.resolve("query.idx");
    }

    /** Part {@code n} of a query job read in parts, appended to {@link #queryResult()} when done. */
    public Path queryPart(int n) {
        return dir.resolve("query.part" + n);
    }

    /** Creates the directory. */
    public JobFiles create() {
        try {
            PrivateFiles.createDirectories(dir);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the job's spool directory " + dir, e);
        }
    }

    /** Deletes the directory and everything in it. */
    public void delete() {
        deleteTree(dir);
    }

    /** Deletes the {@link #batchResults(int)} files (the job has ended and its result files are complete). */
    public void deleteBatchResults() {
        deleteTree(batchResultsDir());
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
