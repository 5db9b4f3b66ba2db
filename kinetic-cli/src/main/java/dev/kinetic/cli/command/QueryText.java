package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SOQL of {@code query}: given on the command line or read from {@code --query-file}, never both. */
final class QueryText {
    private QueryText() {
    }

    /**
     * The query to run.
     *
     * @throws CliException (usage) if neither or both are given, the file cannot be read, or the query is empty
     */
    static String of(String soql, String queryFile, CliContext context) {
        if (soql != null && queryFile != null) {
            throw CliException.usage("Give the query on the command line or with --query-file " + queryFile
                    + ", not both");
        }
        String text = soql;
        if (queryFile != null) {
            Path file = context.resolve(queryFile);
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.usage("Cannot read --query-file " + file + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check the path", e);
            }
        }
        if (text == null || text.isBlank()) {
            throw CliException.usage((queryFile == null ? "The query is empty" : "--query-file " + queryFile
                    + " holds no query") + "; give one, e.g. \"SELECT Id, Name FROM Account\"");
        }
        return text.strip();
    }
}
