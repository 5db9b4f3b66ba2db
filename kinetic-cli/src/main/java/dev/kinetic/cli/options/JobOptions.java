package dev.kinetic.cli.options;

import dev.kinetic.cli.CliContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that load rows: {@code --results-dir}, {@code --async}, {@code --timeout|--wait}. */
public final class JobOptions {
    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Where to write <jobId>-success-records.csv, -failed-records.csv and "
                    + "-unprocessed-records.csv (default: the current directory).")
    String resultsDir;

    @Option(names = "--async", description = "Print the job id and return at once; pick it up later with "
            + "'kinetic job wait <id>' or 'kinetic job results <id>'.")
    boolean async;

    @Mixin
    TimeoutOptions timeout;

    /** Whether to return right after starting the job. */
    public boolean async() {
        return async;
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
