package dev.kinetic.cli.options;

import dev.kinetic.cli.CliException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How long to wait for a job: {@code --timeout TIME}, or {@code --wait MINUTES} as the Salesforce CLI says it. */
public final class TimeoutOptions {
    @Option(names = "--timeout", paramLabel = "TIME",
            description = "Stop waiting after this long, e.g. 90s, 10m, 2h (default: wait until done). The job "
                    + "keeps running; exit code 5 and its id are printed.")
    String timeout;

    @Option(names = {"-w", "--wait"}, paramLabel = "MINUTES",
            description = "The same in minutes, as the Salesforce CLI's --wait (e.g. --wait 10).")
    Integer waitMinutes;

    /**
     * The time to wait, if one was given.
     *
     * @throws CliException (usage) if it cannot be read, or both {@code --timeout} and {@code --wait} are given
     */
    public Optional<Duration> timeout() {
        if (timeout != null && waitMinutes != null) {
            throw CliException.usage("Give --timeout " + timeout + " or --wait " + waitMinutes + ", not both");
        }
        if (waitMinutes != null) {
            if (waitMinutes < 0) {
                throw CliException.usage("Invalid --wait " + waitMinutes + "; give minutes, 0 or more (e.g. "
                        + "--wait 10)");
            }
            return Optional.of(Duration.ofMinutes(waitMinutes));
        }
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
