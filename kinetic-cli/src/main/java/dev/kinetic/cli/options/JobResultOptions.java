package dev.kinetic.cli.options;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of the commands that collect a job's results: {@code --file}, {@code --format}, {@code --out}. */
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
