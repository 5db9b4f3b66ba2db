package dev.kinetic.core.bulk;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Options of an ingest call (insert, update, upsert, delete, hardDelete, waiting or {@code start...}): the CSV
 * format, how the input is split into jobs, the assignment rule, upload progress, and how to wait
 * ({@link #poll()}; a {@code start...} handle uses it for {@link BulkJobHandle#await()}). Immutable and thread-safe;
 * callbacks must be thread-safe (split jobs run in parallel). {@link #defaults()}: LF, comma, 100 MB per job, 4 jobs
 * at a time, {@link PollOptions#defaults()}.
 */
public final class IngestOptions {
    /** Salesforce's hard limit on the data of one ingest job: 150 MB. */
    public static final long MAX_BYTES_PER_JOB_LIMIT = 150L * 1024 * 1024;
    /** The default bytes per ingest job: 100 MB, as Salesforce recommends. */
    public static final long DEFAULT_MAX_BYTES_PER_JOB = 100L * 1024 * 1024;

    private static final IngestOptions DEFAULTS = builder().build();

    private final String assignmentRuleId;
    private final long maxBytesPerJob;
    private final int parallelJobs;
    private final CallSettings shared;
    private final Consumer<BulkJob> onJobCreated;

    private IngestOptions(Builder b) {
        this.assignmentRuleId = b.assignmentRuleId;
        this.maxBytesPerJob = b.maxBytesPerJob;
        this.parallelJobs = b.parallelJobs;
        this.shared = b.shared;
        this.onJobCreated = b.onJobCreated;
    }

    /** {@return the defaults} */
    public static IngestOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from these options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.assignmentRuleId = assignmentRuleId;
        b.maxBytesPerJob = maxBytesPerJob;
        b.parallelJobs = parallelJobs;
        b.shared = shared;
        b.onJobCreated = onJobCreated;
        return b;
    }

    /** {@return the line ending of the CSV (written from maps, or that of a CSV input) and of the job; default LF} */
    public LineEnding lineEnding() {
        return shared.lineEnding();
    }

    /** {@return the column delimiter of the CSV and of the job; default comma} */
    public ColumnDelimiter columnDelimiter() {
        return shared.columnDelimiter();
    }

    /** {@return the Case/Lead assignment rule to run, if any} */
    public Optional<String> assignmentRuleId() {
        return Optional.ofNullable(assignmentRuleId);
    }

    /** {@return the most CSV bytes (header included) one job receives; bigger inputs are split} Default 100 MB. */
    public long maxBytesPerJob() {
        return maxBytesPerJob;
    }

    /** {@return how many split jobs upload and run at the same time; default 4} */
    public int parallelJobs() {
        return parallelJobs;
    }

    /** {@return the callback called with the total bytes uploaded so far (over all split jobs)} */
    public LongConsumer onUploadProgress() {
        return shared.progress();
    }

    /**
     * {@return the callback called with each job right after it is created and before any data is uploaded to it}
     * A job an upload retry replaces is followed by its replacement. A caller that must find its jobs after a crash
     * records their ids here; if the callback throws, the job is aborted and the call fails with nothing loaded by
     * that job.
     */
    public Consumer<BulkJob> onJobCreated() {
        return onJobCreated;
    }

    /** {@return how to wait for the jobs} */
    public PollOptions poll() {
        return shared.poll();
    }

    @Override
    public String toString() {
        return "IngestOptions[" + shared + ", maxBytesPerJob=" + maxBytesPerJob + ", parallelJobs=" + parallelJobs
                + ", poll=" + shared.poll() + "]";
    }

    /** Builds {@link IngestOptions}. Not thread-safe. */
    public static final class Builder {
        private String assignmentRuleId;
        private long maxBytesPerJob = DEFAULT_MAX_BYTES_PER_JOB;
        private int parallelJobs = 4;
        private CallSettings shared = CallSettings.DEFAULTS;
        private Consumer<BulkJob> onJobCreated = job -> { };

        private Builder() {
        }

        /**
         * The line ending (default LF). For a CSV input it must be the data's own line ending.
         *
         * @param lineEnding the line ending
         * @return this builder
         */
        public Builder lineEnding(LineEnding lineEnding) {
            shared = shared.withLineEnding(lineEnding);
            return this;
        }

        /**
         * The column delimiter (default comma). For a CSV input it must be the data's own delimiter.
         *
         * @param columnDelimiter the delimiter
         * @return this builder
         */
        public Builder columnDelimiter(ColumnDelimiter columnDelimiter) {
            shared = shared.withColumnDelimiter(columnDelimiter);
            return this;
        }

        /**
         * The Case/Lead assignment rule id to apply.
         *
         * @param assignmentRuleId the rule id, or {@code null} for none
         * @return this builder
         */
        public Builder assignmentRuleId(String assignmentRuleId) {
            this.assignmentRuleId = assignmentRuleId;
            return this;
        }

        /**
         * The most CSV bytes one job receives (default 100 MB, at most 150 MB).
         *
         * @param maxBytesPerJob between 1 KB and 150 MB
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxBytesPerJob(long maxBytesPerJob) {
            if (maxBytesPerJob < 1024 || maxBytesPerJob > MAX_BYTES_PER_JOB_LIMIT) {
                throw new IllegalArgumentException("maxBytesPerJob must be between 1024 and " + MAX_BYTES_PER_JOB_LIMIT
                        + " (Salesforce's 150 MB limit); got " + maxBytesPerJob);
            }
            this.maxBytesPerJob = maxBytesPerJob;
            return this;
        }

        /**
         * How many split jobs run at the same time (default 4).
         *
         * @param parallelJobs 1 or more
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder parallelJobs(int parallelJobs) {
            if (parallelJobs < 1) {
                throw new IllegalArgumentException("parallelJobs must be >= 1; got " + parallelJobs);
            }
            this.parallelJobs = parallelJobs;
            return this;
        }

        /**
         * Called with the total bytes uploaded so far.
         *
         * @param onUploadProgress the callback (thread-safe)
         * @return this builder
         */
        public Builder onUploadProgress(LongConsumer onUploadProgress) {
            shared = shared.withProgress(onUploadProgress, "onUploadProgress");
            return this;
        }

        /**
         * Called with each job right after it is created, before its upload (see {@link IngestOptions#onJobCreated()}).
         *
         * @param onJobCreated the callback (thread-safe: split jobs are created in parallel)
         * @return this builder
         */
        public Builder onJobCreated(Consumer<BulkJob> onJobCreated) {
            this.onJobCreated = Objects.requireNonNull(onJobCreated, "onJobCreated == null");
            return this;
        }

        /**
         * How to wait for the jobs (default {@link PollOptions#defaults()}).
         *
         * @param poll the polling options
         * @return this builder
         */
        public Builder poll(PollOptions poll) {
            shared = shared.withPoll(poll);
            return this;
        }

        /** {@return the options} */
        public IngestOptions build() {
            return new IngestOptions(this);
        }
    }
}
