package dev.kinetic.core.bulk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to wait for a job: the poll interval and its growth, how long to wait at most, how long a job may stay without
 * moving, and a progress callback. Used by every call that waits (inside {@link IngestOptions} and
 * {@link QueryOptions}, and by {@link BulkJobHandle#await(PollOptions)}). Immutable and thread-safe; the callback
 * must be thread-safe (split jobs are polled in parallel). {@link #defaults()} polls at once, then after 100 ms,
 * each wait a tenth longer than the one before, capped at 30 s: a job that ends at time t after the start is seen by
 * 1.1 t + 0.1 s (or t + 30 s, once the waits reach 30 s), so waiting adds at most a tenth to a job's time, and an
 * hour-long job costs about 170 polls. No timeout, a 30-minute stall timeout.
 */
public final class PollOptions {
    private static final PollOptions DEFAULTS = builder().build();

    private final Duration timeout;
    private final Duration stallTimeout;
    private final Duration pollInterval;
    private final double pollBackoffMultiplier;
    private final Duration maxPollInterval;
    private final Consumer<BulkJob> onProgress;

    private PollOptions(Builder b) {
        this.timeout = b.timeout;
        this.stallTimeout = b.stallTimeout;
        this.pollInterval = b.pollInterval;
        this.pollBackoffMultiplier = b.pollBackoffMultiplier;
        this.maxPollInterval = b.maxPollInterval;
        this.onProgress = b.onProgress;
    }

    /** {@return the defaults: 100 ms × 1.1 up to 30 s, no timeout, a 30-minute stall timeout, no progress callback} */
    public static PollOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from these options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.stallTimeout = stallTimeout;
        b.pollInterval = pollInterval;
        b.pollBackoffMultiplier = pollBackoffMultiplier;
        b.maxPollInterval = maxPollInterval;
        b.onProgress = onProgress;
        return b;
    }

    /** {@return how long to wait before {@link BulkTimeoutException} (the job keeps running); empty means no limit} */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * {@return how long a job may stay without moving (neither its state nor its processed count changes) before
     * waiting stops with {@link JobStateException}; empty for no limit} Measured with the client's clock.
     */
    public Optional<Duration> stallTimeout() {
        return Optional.ofNullable(stallTimeout);
    }

    /** {@return the first wait between polls} */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** {@return by how much the wait between polls grows} */
    public double pollBackoffMultiplier() {
        return pollBackoffMultiplier;
    }

    /** {@return the longest wait between polls} */
    public Duration maxPollInterval() {
        return maxPollInterval;
    }

    /** {@return the callback called with a fresh job snapshot after every poll} */
    public Consumer<BulkJob> onProgress() {
        return onProgress;
    }

    @Override
    public String toString() {
        return "PollOptions[timeout=" + timeout().map(Duration::toString).orElse("none") + ", stallTimeout="
                + stallTimeout().map(Duration::toString).orElse("none") + ", poll=" + pollInterval + "x"
                + pollBackoffMultiplier + "<=" + maxPollInterval + "]";
    }

    /** Builds {@link PollOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration timeout;
        private Duration stallTimeout = Duration.ofMinutes(30);
        private Duration pollInterval = Duration.ofMillis(100);
        private double pollBackoffMultiplier = 1.1;
        private Duration maxPollInterval = Duration.ofSeconds(30);
        private Consumer<BulkJob> onProgress = job -> { };

        private Builder() {
        }

        /**
         * The longest time to wait; then {@link BulkTimeoutException} is thrown and the job keeps running.
         *
         * @param timeout a positive duration, or {@code null} for no limit (the default)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout == null ? null : Durations.positive(timeout, "timeout");
            return this;
        }

        /**
         * How long a job may stay without moving before waiting stops with {@link JobStateException}.
         *
         * @param stallTimeout a positive duration, or {@code null} for no limit (default 30 minutes)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder stallTimeout(Duration stallTimeout) {
            this.stallTimeout = stallTimeout == null ? null : Durations.positive(stallTimeout, "stallTimeout");
            return this;
        }

        /**
         * The first wait between polls (default 100 ms).
         *
         * @param pollInterval a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = Durations.positive(pollInterval, "pollInterval");
            return this;
        }

        /**
         * The growth of the wait between polls (default 1.1: a job is seen at most a tenth of its time after it ends,
         * until the waits reach {@link #maxPollInterval(Duration)}; 2 polls less often but may see a job that ended
         * at time t only at 2 t).
         *
         * @param multiplier 1.0 or more
         * @return this builder
         * @throws IllegalArgumentException if below 1.0
         */
        public Builder pollBackoffMultiplier(double multiplier) {
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("pollBackoffMultiplier must be >= 1.0; got " + multiplier);
            }
            this.pollBackoffMultiplier = multiplier;
            return this;
        }

        /**
         * The longest wait between polls (default 30 s).
         *
         * @param maxPollInterval a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxPollInterval(Duration maxPollInterval) {
            this.maxPollInterval = Durations.positive(maxPollInterval, "maxPollInterval");
            return this;
        }

        /**
         * Called with a fresh job snapshot after each poll.
         *
         * @param onProgress the callback (thread-safe)
         * @return this builder
         */
        public Builder onProgress(Consumer<BulkJob> onProgress) {
            this.onProgress = Objects.requireNonNull(onProgress, "onProgress == null");
            return this;
        }

        /** {@return the options} */
        public PollOptions build() {
            return new PollOptions(this);
        }
    }
}
