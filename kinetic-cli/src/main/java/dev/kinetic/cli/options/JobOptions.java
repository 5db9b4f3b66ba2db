package dev.kinetic.cli.options;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of commands that run a job: {@code --results-dir}, {@code --async}, {@code --timeout}. */
public final class JobOptions {
    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Where to write <jobId>-success.csv, -failed.csv and -unprocessed.csv (default: the "
                    + "current directory).")
    String resultsDir;

    @Option(names = "--async", description = "Print the job id and return at once; pick it up later with "
            + "'kinetic job wait <id>' or 'kinetic job results <id>'.")
    boolean async;

    @Option(names = "--timeout", paramLabel = "TIME",
            description = "Stop waiting after this long, e.g. 90s, 10m, 2h (default: wait until done). The job "
                    + "keeps running; exit code 5 and its id are printed.")
    String timeout;

    /** Whether to return right after starting the job. */
    public boolean async() {
        return async;
    }

    /** The results directory, resolved against the working directory. */
    public Path resultsDir(CliContext context) {
        return context.resolve(resultsDir == null ? "." : resultsDir);
    }

    /** The timeout, if one was given. */
    public Optional<Duration> timeout() {
        return timeout == null ? Optional.empty() : Optional.of(parseDuration(timeout));
    }

    /** Parses {@code 90}, {@code 90s}, {@code 10m}, {@code 2h} or an ISO-8601 duration. */
    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            char unit = t.charAt(t.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException(text);
            };
        } catch (RuntimeException e) {
            throw CliException.usage("Invalid --timeout '" + text + "'; use e.g. 90s, 10m or 2h", e);
        }
    }
}
