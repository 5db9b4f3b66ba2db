package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkTimeoutException;
import dev.kinetic.core.bulk.ColumnDelimiter;
import dev.kinetic.core.bulk.JobStateException;
import dev.kinetic.core.bulk.LineEnding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The settings of one call inside the library, filled from the public {@code IngestOptions}, {@code QueryOptions}
 * and {@code PollOptions} by {@link OptionsMapper}: waiting and polling, CSV format, splitting, paging and hooks.
 * Immutable and thread-safe (the callbacks it holds must be thread-safe: split jobs run in parallel). Build with
 * {@link #builder()}; {@link #defaults()} waits for completion, polls 2 s × 1.5 up to 30 s, and writes LF and comma.
 */
final class CallOptions {
    /** Salesforce's hard limit on the data of one ingest job: 150 MB. */
    public static final long MAX_BYTES_PER_JOB_LIMIT = 150L * 1024 * 1024;
    /** The default bytes per ingest job: 100 MB, as Salesforce recommends. */
    public static final long DEFAULT_MAX_BYTES_PER_JOB = 100L * 1024 * 1024;

    private static final CallOptions DEFAULTS = new Builder().build();

    private final boolean waitForCompletion;
    private final Optional<Duration> timeout;
    private final Optional<Duration> stallTimeout;
    private final Charset inputCharset;
    private final Consumer<BulkJob> onProgress;
    private final LongConsumer onUploadProgress;
    private final LongConsumer onRecordsRead;
    private final Duration pollInterval;
    private final double pollBackoffMultiplier;
    private final Duration maxPollInterval;
    private final LineEnding lineEnding;
    private final ColumnDelimiter columnDelimiter;
    private final Optional<String> assignmentRuleId;
    private final Optional<String> externalIdField;
    private final long maxBytesPerJob;
    private final int parallelJobs;
    private final int maxRecordsPerPage;
    private final int resultPages;

    private CallOptions(Builder b) {
        this.waitForCompletion = b.waitForCompletion;
        this.timeout = Optional.ofNullable(b.timeout);
        this.stallTimeout = Optional.ofNullable(b.stallTimeout);
        this.inputCharset = b.inputCharset;
        this.onProgress = b.onProgress;
        this.onUploadProgress = b.onUploadProgress;
        this.onRecordsRead = b.onRecordsRead;
        this.pollInterval = b.pollInterval;
        this.pollBackoffMultiplier = b.pollBackoffMultiplier;
        this.maxPollInterval = b.maxPollInterval;
        this.lineEnding = b.lineEnding;
        this.columnDelimiter = b.columnDelimiter;
        this.assignmentRuleId = Optional.ofNullable(b.assignmentRuleId);
        this.externalIdField = Optional.ofNullable(b.externalIdField);
        this.maxBytesPerJob = b.maxBytesPerJob;
        this.parallelJobs = b.parallelJobs;
        this.maxRecordsPerPage = b.maxRecordsPerPage;
        this.resultPages = b.resultPages;
    }

    /** The defaults. */
    public static CallOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.waitForCompletion = waitForCompletion;
        b.timeout = timeout.orElse(null);
        b.stallTimeout = stallTimeout.orElse(null);
        b.inputCharset = inputCharset;
        b.onProgress = onProgress;
        b.onUploadProgress = onUploadProgress;
        b.onRecordsRead = onRecordsRead;
        b.pollInterval = pollInterval;
        b.pollBackoffMultiplier = pollBackoffMultiplier;
        b.maxPollInterval = maxPollInterval;
        b.lineEnding = lineEnding;
        b.columnDelimiter = columnDelimiter;
        b.assignmentRuleId = assignmentRuleId.orElse(null);
        b.externalIdField = externalIdField.orElse(null);
        b.maxBytesPerJob = maxBytesPerJob;
        b.parallelJobs = parallelJobs;
        b.maxRecordsPerPage = maxRecordsPerPage;
        b.resultPages = resultPages;
        return b;
    }

    /** Whether ingest calls wait for the jobs to end (default true); if false they return after the upload. */
    public boolean waitForCompletion() {
        return waitForCompletion;
    }

    /** How long to wait for a job before {@link BulkTimeoutException}; empty means no limit (the default). */
    public Optional<Duration> timeout() {
        return timeout;
    }

    /**
     * How long a job may stay without moving (neither its state nor its processed count changes) before waiting
     * stops with {@link JobStateException}; default 30 minutes, empty for no limit. Measured with the client's clock.
     */
    public Optional<Duration> stallTimeout() {
        return stallTimeout;
    }

    /**
     * The character set of a CSV file or stream input; default UTF-8. Other sets are transcoded to UTF-8 for the
     * upload (Salesforce reads UTF-8 only). Input that does not decode in this set is refused before anything is
     * sent, naming the line.
     */
    public Charset inputCharset() {
        return inputCharset;
    }

    /** Called with a fresh job snapshot after every poll; a no-op by default. */
    public Consumer<BulkJob> onProgress() {
        return onProgress;
    }

    /** Called with the total bytes uploaded so far (over all split jobs); a no-op by default. */
    public LongConsumer onUploadProgress() {
        return onUploadProgress;
    }

    /** Called with the number of query records read so far while a query streams; a no-op by default. */
    public LongConsumer onRecordsRead() {
        return onRecordsRead;
    }

    /** The first wait between polls; default 2 s. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** By how much the wait between polls grows; default 1.5. */
    public double pollBackoffMultiplier() {
        return pollBackoffMultiplier;
    }

    /** The longest wait between polls; default 30 s. */
    public Duration maxPollInterval() {
        return maxPollInterval;
    }

    /** The line ending of the CSV (written, or of the given file/stream) and of the job; default LF. */
    public LineEnding lineEnding() {
        return lineEnding;
    }

    /** The column delimiter of the CSV and of the job; default comma. */
    public ColumnDelimiter columnDelimiter() {
        return columnDelimiter;
    }

    /** The Case/Lead assignment rule to run, if any. */
    public Optional<String> assignmentRuleId() {
        return assignmentRuleId;
    }

    /** The external id field for an upsert through the general ingest path; the upsert methods take it directly. */
    public Optional<String> externalIdField() {
        return externalIdField;
    }

    /** The most CSV bytes (header included) one ingest job receives; bigger inputs are split. Default 100 MB. */
    public long maxBytesPerJob() {
        return maxBytesPerJob;
    }

    /** How many split jobs upload and run at the same time; default 4. */
    public int parallelJobs() {
        return parallelJobs;
    }

    /** The {@code maxRecords} of each query result page; 0 (the default) lets the server choose. */
    public int maxRecordsPerPage() {
        return maxRecordsPerPage;
    }

    /** How many query result pages to fetch in parallel through {@code resultPages}; 1 (default) pages in turn. */
    public int resultPages() {
        return resultPages;
    }

    @Override
    public String toString() {
        return "CallOptions[wait=" + waitForCompletion + ", timeout=" + timeout.map(Duration::toString).orElse("none")
                + ", stallTimeout=" + stallTimeout.map(Duration::toString).orElse("none") + ", inputCharset="
                + inputCharset
                + ", poll=" + pollInterval + "x" + pollBackoffMultiplier + "<=" + maxPollInterval + ", lineEnding="
                + lineEnding + ", delimiter=" + columnDelimiter + ", maxBytesPerJob=" + maxBytesPerJob
                + ", parallelJobs=" + parallelJobs + ", maxRecordsPerPage=" + maxRecordsPerPage + ", resultPages="
                + resultPages + "]";
    }

    /** Builds {@link CallOptions}. Not thread-safe. */
    public static final class Builder {
        private boolean waitForCompletion = true;
        private Duration timeout;
        private Duration stallTimeout = Duration.ofMinutes(30);
        private Charset inputCharset = StandardCharsets.UTF_8;
        private Consumer<BulkJob> onProgress = job -> { };
        private LongConsumer onUploadProgress = bytes -> { };
        private LongConsumer onRecordsRead = n -> { };
        private Duration pollInterval = Duration.ofSeconds(2);
        private double pollBackoffMultiplier = 1.5;
        private Duration maxPollInterval = Duration.ofSeconds(30);
        private LineEnding lineEnding = LineEnding.LF;
        private ColumnDelimiter columnDelimiter = ColumnDelimiter.COMMA;
        private String assignmentRuleId;
        private String externalIdField;
        private long maxBytesPerJob = DEFAULT_MAX_BYTES_PER_JOB;
        private int parallelJobs = 4;
        private int maxRecordsPerPage;
        private int resultPages = 1;

        private Builder() {
        }

        /**
         * Whether to wait for the jobs to end (default true).
         *
         * @param wait false to return right after the upload, with the job in {@code UploadComplete}
         * @return this builder
         */
        public Builder waitForCompletion(boolean wait) {
            this.waitForCompletion = wait;
            return this;
        }

        /**
         * The longest time to wait for a job; then {@link BulkTimeoutException} is thrown and the job keeps running.
         *
         * @param timeout a positive duration, or {@code null} for no limit
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive; got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * How long a job may stay without moving before waiting stops with {@link JobStateException}.
         *
         * @param stallTimeout a positive duration, or {@code null} for no limit (default 30 minutes)
         * @return this builder
         */
        public Builder stallTimeout(Duration stallTimeout) {
            if (stallTimeout != null && (stallTimeout.isNegative() || stallTimeout.isZero())) {
                throw new IllegalArgumentException("stallTimeout must be positive; got " + stallTimeout);
            }
            this.stallTimeout = stallTimeout;
            return this;
        }

        /**
         * The character set of a CSV file or stream input (default UTF-8); others are transcoded to UTF-8.
         *
         * @param charset the input's character set
         * @return this builder
         */
        public Builder inputCharset(Charset charset) {
            this.inputCharset = Objects.requireNonNull(charset, "charset == null");
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

        /**
         * Called with the total bytes uploaded so far.
         *
         * @param onUploadProgress the callback (thread-safe)
         * @return this builder
         */
        public Builder onUploadProgress(LongConsumer onUploadProgress) {
            this.onUploadProgress = Objects.requireNonNull(onUploadProgress, "onUploadProgress == null");
            return this;
        }

        /**
         * Called with the number of query records read so far.
         *
         * @param onRecordsRead the callback
         * @return this builder
         */
        public Builder onRecordsRead(LongConsumer onRecordsRead) {
            this.onRecordsRead = Objects.requireNonNull(onRecordsRead, "onRecordsRead == null");
            return this;
        }

        /**
         * The first wait between polls (default 2 s).
         *
         * @param pollInterval a positive duration
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = positive(pollInterval, "pollInterval");
            return this;
        }

        /**
         * The growth of the wait between polls (default 1.5).
         *
         * @param multiplier 1.0 or more
         * @return this builder
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
         */
        public Builder maxPollInterval(Duration maxPollInterval) {
            this.maxPollInterval = positive(maxPollInterval, "maxPollInterval");
            return this;
        }

        /**
         * The line ending (default LF). For a file or stream input it must be the data's own line ending.
         *
         * @param lineEnding the line ending
         * @return this builder
         */
        public Builder lineEnding(LineEnding lineEnding) {
            this.lineEnding = Objects.requireNonNull(lineEnding, "lineEnding == null");
            return this;
        }

        /**
         * The column delimiter (default comma). For a file or stream input it must be the data's own delimiter.
         *
         * @param columnDelimiter the delimiter
         * @return this builder
         */
        public Builder columnDelimiter(ColumnDelimiter columnDelimiter) {
            this.columnDelimiter = Objects.requireNonNull(columnDelimiter, "columnDelimiter == null");
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
         * The external id field of an upsert made through the general ingest path.
         *
         * @param externalIdField the field API name, or {@code null}
         * @return this builder
         */
        public Builder externalIdField(String externalIdField) {
            this.externalIdField = externalIdField;
            return this;
        }

        /**
         * The most CSV bytes one ingest job receives (default 100 MB, at most 150 MB).
         *
         * @param maxBytesPerJob between 1 KB and 150 MB
         * @return this builder
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
         */
        public Builder parallelJobs(int parallelJobs) {
            if (parallelJobs < 1) {
                throw new IllegalArgumentException("parallelJobs must be >= 1; got " + parallelJobs);
            }
            this.parallelJobs = parallelJobs;
            return this;
        }

        /**
         * The {@code maxRecords} of each query result page.
         *
         * @param maxRecordsPerPage 0 for the server's default, else a positive number
         * @return this builder
         */
        public Builder maxRecordsPerPage(int maxRecordsPerPage) {
            if (maxRecordsPerPage < 0) {
                throw new IllegalArgumentException("maxRecordsPerPage must be >= 0; got " + maxRecordsPerPage);
            }
            this.maxRecordsPerPage = maxRecordsPerPage;
            return this;
        }

        /**
         * How many query result pages to fetch in parallel through {@code resultPages} (API v58.0+).
         *
         * @param parallelism 1 (default) fetches pages one after the other with the locator
         * @return this builder
         */
        public Builder resultPages(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("resultPages must be >= 1; got " + parallelism);
            }
            this.resultPages = parallelism;
            return this;
        }

        /** Builds the options. */
        public CallOptions build() {
            return new CallOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive; got " + d);
            }
            return d;
        }
    }
}
