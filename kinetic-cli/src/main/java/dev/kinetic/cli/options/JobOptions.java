package dev.kinetic.cli.options;

import dev.kinetic.cli.CliContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of the commands that load rows: {@code --results-dir}, {@code --async}, {@code --no-results},
 * {@code --timeout|--wait}.
 */
public final class JobOptions {
    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Where to write <jobId>-success-records.csv, -failed-records.csv and "
                    + "-unprocessed-records.csv (default: the current directory).")
    String resultsDir;

    @Option(names = "--async", description = "Print the job id and return at once; pick it up later with "
            + "'kinetic job wait <id>' or 'kinetic job results <id>'.")
    boolean async;

    @Option(names = "--no-results", description = "Wait for the job and report the org's own counts without "
            + "downloading, numbering or writing result files (as 'sf data import bulk' does); write them later with "
            + "'kinetic job results <id>'.")
    boolean noResults;

    @Mixin
    TimeoutOptions timeout;

    /** Whether to return right after starting the job. */
    public boolean async() {
        return async;
    }

    /** Whether result files are written when the job ends (no {@code --no-results}). */
    public boolean resultFiles() {
        return !noResults;
    }

    /** The results directory, resolved against the working directory. */
    public Path resultsDir(CliContext context) {
        return context.resolve(resultsDir == null ? "." : resultsDir);
    }

    /** The time to wait, if one was given. */
    public Optional<Duration> timeout() {
        return timeout.timeout();
    }
}
