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
    public enum Mode {
        /** Jobs run as soon as they are ready. */
        IMMEDIATE,
        /** Jobs run once their status has been read a number of times. */
        AFTER_POLLS,
        /** Jobs run after a delay on the org's clock. */
        AFTER_DELAY
    }

    /**
     * Validates.
     *
     * @param mode the rule
     * @param polls how many GETs of the job come first, 0 or more
     * @param delay how long the job waits; {@code null} for none
     */
    public Progression {
        Objects.requireNonNull(mode, "mode == null");
        delay = delay == null ? Duration.ZERO : delay;
        if (polls < 0 || delay.isNegative()) {
            throw new IllegalArgumentException("polls and delay must not be negative");
        }
    }

    /** {@return the rule under which jobs run as soon as they are ready (the default)} */
    public static Progression immediate() {
        return new Progression(Mode.IMMEDIATE, 0, Duration.ZERO);
    }

    /**
     * {@return the rule under which jobs run once their status has been read this many times}
     *
     * @param polls 0 or more GETs of the job
     */
    public static Progression afterPolls(int polls) {
        return new Progression(Mode.AFTER_POLLS, polls, Duration.ZERO);
    }

    /**
     * {@return the rule under which jobs run after this delay}
     *
     * @param delay how long a ready job waits, on the org's clock
     */
    public static Progression afterDelay(Duration delay) {
        return new Progression(Mode.AFTER_DELAY, 0, delay);
    }
}
