package dev.kinetic.cli.command;

import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.input.ResultColumns;
import dev.kinetic.cli.output.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The file a load uploads: the input itself, or, for a result file (a fixed {@code -failed-records.csv}, an
 * {@code -unprocessed-records.csv}), a temporary copy without its {@code row} and {@code sf__*} columns. Closing deletes the
 * copy; the result files number rows as in the input (the copy has the same rows). Not thread-safe.
 */
final class UploadFile implements AutoCloseable {
    private final CsvInputFile given;
    private final CsvInputFile upload;

    private UploadFile(CsvInputFile given, CsvInputFile upload) {
        this.given = given;
        this.upload = upload;
    }

    /**
     * The upload for an input file, with one line on standard error when result columns are left out.
     *
     * @param console where the line goes, or null to say nothing (a file the command wrote itself)
     */
    static UploadFile of(CsvInputFile given, Console console) {
        List<String> ignored = ResultColumns.in(given.header());
        if (ignored.isEmpty()) {
            return new UploadFile(given, given);
        }
        if (console != null) {
            console.warn("Ignoring the column" + (ignored.size() == 1 ? " " : "s ") + String.join(", ", ignored)
                    + " of " + given.path().getFileName() + " (added by a result file; not sent to the org)");
        }
        Path copy;
        try {
            copy = Files.createTempFile("kinetic-upload-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file to load " + given.path()
                    + " without its result columns: " + e.getMessage(), e);
        }
        try {
            return new UploadFile(given, ResultColumns.strip(given, copy));
        } catch (RuntimeException e) {
            delete(copy);
            throw e;
        }
    }

    /** The file as given. */
    CsvInputFile given() {
        return given;
    }

    /** The file to upload and to number result rows by. */
    CsvInputFile upload() {
        return upload;
    }

    /** Whether result columns were left out. */
    boolean stripped() {
        return upload != given;
    }

    @Override
    public void close() {
        if (stripped()) {
            delete(upload.path());
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            p.toFile().deleteOnExit();
        }
    }
}
