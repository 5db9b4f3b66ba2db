package dev.kinetic.cli;

import dev.kinetic.core.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command needs from its surroundings, injected so tests can give their own: the environment variables, the
 * working directory (relative paths and the embedded org live there), the clock, and whether standard output is a
 * terminal (live bars) or not (plain lines). Immutable.
 *
 * @param env        the environment variables
 * @param workingDir the directory relative paths resolve against
 * @param clock      the clock for timings and deadlines
 * @param terminal   whether output goes to a terminal
 * @param sleeper    how the library waits between retries and polls (tests give one that does not sleep)
 */
public record CliContext(Map<String, String> env, Path workingDir, Clock clock, boolean terminal, Sleeper sleeper) {
    /** Checks and copies the parts. */
    public CliContext {
        env = Map.copyOf(Objects.requireNonNull(env, "env == null"));
        workingDir = workingDir.toAbsolutePath().normalize();
        Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(sleeper, "sleeper == null");
    }

    /** Surroundings that sleep for real between retries. */
    public CliContext(Map<String, String> env, Path workingDir, Clock clock, boolean terminal) {
        this(env, workingDir, clock, terminal, Sleeper.system());
    }

    /** The real surroundings: the process environment, the current directory and the system clock. */
    public static CliContext system() {
        return new CliContext(System.getenv(), Path.of(""), Clock.systemUTC(), System.console() != null);
    }

    /** A path given on the command line, resolved against the working directory. */
    public Path resolve(String path) {
        return workingDir.resolve(path).normalize();
    }

    /** These surroundings with one environment variable set (e.g. {@code SF_API_VERSION} from an option). */
    public CliContext withVar(String name, String value) {
        java.util.Map<String, String> changed = new java.util.HashMap<>(env);
        changed.put(name, value);
        return new CliContext(changed, workingDir, clock, terminal, sleeper);
    }

    /** An environment variable, if set and not blank. */
    public java.util.Optional<String> var(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }
}
