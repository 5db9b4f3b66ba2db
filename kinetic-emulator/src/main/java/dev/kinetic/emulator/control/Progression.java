package dev.kinetic.emulator.control;

import java.time.Duration;
import java.util.Objects;

/**
 * When a job that is ready to run (ingest after UploadComplete, query after create) starts processing: at once, after
 * its status has been read {@code polls} times, or after {@code delay} on the org's clock. Immutable.
 *
 * @param mode the rule
 * @param polls for {@link Mode#AFTER_POLLS}: how many GETs of the job come first
 * @param delay for {@link Mode#AFTER_DELAY}: how long the job waits
 */
public record Progression(Mode mode, int polls, Duration delay) {
    /** The rules. */
    public enum Mode { IMMEDIATE, AFTER_POLLS, AFTER_DELAY }

    /** Validates. */
    public Progression {
        Objects.requireNonNull(mode, "mode == null");
        delay = delay == null ? Duration.ZERO : delay;
        if (polls < 0 || delay.isNegative()) {
            throw new IllegalArgumentException("polls and delay must not be negative");
        }
    }

    /** Jobs run as soon as they are ready (the default). */
    public static Progression immediate() {
        return new Progression(Mode.IMMEDIATE, 0, Duration.ZERO);
    }

    /** Jobs run once their status has been read this many times. */
    public static Progression afterPolls(int polls) {
        return new Progression(Mode.AFTER_POLLS, polls, Duration.ZERO);
    }

    /** Jobs run after this delay. */
    public static Progression afterDelay(Duration delay) {
        return new Progression(Mode.AFTER_DELAY, 0, delay);
    }
}
