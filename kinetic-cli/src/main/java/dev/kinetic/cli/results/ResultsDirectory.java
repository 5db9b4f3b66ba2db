package dev.kinetic.cli.results;

import dev.kinetic.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Proves the results directory can take files before any job is created, instead of finding out after the load. */
public final class ResultsDirectory {
    private ResultsDirectory() {
    }

    /**
     * Creates the directory if missing and writes and deletes a probe file in it.
     *
     * @throws CliException (usage) naming the directory and the reason
     */
    public static void checkWritable(Path directory) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".kinetic-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw CliException.usage("Cannot write result files in " + directory + " (" + e.getMessage() + "); "
                    + "choose a writable --results-dir. Nothing was sent", e);
        }
    }
}
