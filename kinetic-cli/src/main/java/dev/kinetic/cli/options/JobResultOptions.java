package dev.kinetic.cli.options;

import dev.kinetic.cli.CliContext;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options of the commands that collect a job's results: {@code --file}, {@code --encoding}, {@code --format},
 * {@code --out}, {@code --results-dir}.
 */
public final class JobResultOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "The input file the job was loaded from, to number the result rows.")
    String file;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The character set of --file (default: as remembered for the job, else UTF-8).")
    String encoding;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "For query jobs: csv (default) or json.")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "For query jobs: where to write the records.")
    String out;

    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Where to write the result files (default: the current directory): for ingest jobs "
                    + "<jobId>-success-records.csv, -failed-records.csv and -unprocessed-records.csv; for query "
                    + "jobs <jobId>.csv unless --out is given.")
    String resultsDir;

    /** The results directory, resolved against the working directory. */
    public Path resultsDir(CliContext context) {
        return context.resolve(resultsDir == null ? "." : resultsDir);
    }

    /** The input file the job was loaded from, as given. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The character set given for {@code --file}, as given. */
    public Optional<String> encoding() {
        return Optional.ofNullable(encoding);
    }

    /** Whether query records are to be written as JSON rather than CSV. */
    public boolean json() {
        return "json".equalsIgnoreCase(format);
    }

    /** Where query records go, as given (absent: the default file name; {@code -}: standard output). */
    public String out() {
        return out;
    }
}
