package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.ColumnDelimiter;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.LineEnding;
import dev.kinetic.core.bulk.PollOptions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The settings of one call inside the library, filled from the public {@code IngestOptions}, {@code QueryOptions}
 * and {@code PollOptions} by {@link OptionsMapper}, whose builders have already checked every value: waiting and
 * polling, CSV format, splitting, paging and hooks. Immutable once built.
 */
final class CallOptions {
    /** Salesforce's hard limit on the data of one ingest job: 150 MB. */
    static final long MAX_BYTES_PER_JOB_LIMIT = IngestOptions.MAX_BYTES_PER_JOB_LIMIT;

    private static final CallOptions DEFAULTS = new Builder().build();

    private final boolean waitForCompletion;
    private final Duration timeout;
    private final Duration stallTimeout;
    private final Charset inputCharset;
    private final Consumer<BulkJob> onProgress;
    private final LongConsumer onUploadProgress;
    private final Consumer<BulkJob> onJobCreated;
    private final LongConsumer onRecordsRead;
    private final Duration pollInterval;
    private final double pollBackoffMultiplier;
    private final Duration maxPollInterval;
    private final LineEnding lineEnding;
    private final ColumnDelimiter columnDelimiter;
    private final String assignmentRuleId;
    private final String externalIdField;
    private final long maxBytesPerJob;
    private final int parallelJobs;
    private final int maxRecordsPerPage;
    private final int resultPages;

    private CallOptions(Builder b) {
        this.waitForCompletion = b.waitForCompletion;
        this.timeout = b.timeout;
        this.stallTimeout = b.stallTimeout;
        this.inputCharset = b.inputCharset;
        this.onProgress = b.onProgress;
        this.onUploadProgress = b.onUploadProgress;
        this.onJobCreated = b.onJobCreated;
        this.onRecordsRead = b.onRecordsRead;
        this.pollInterval = b.pollInterval;
        this.pollBackoffMultiplier = b.pollBackoffMultiplier;
        this.maxPollInterval = b.maxPollInterval;
        this.lineEnding = b.lineEnding;
        this.columnDelimiter = b.columnDelimiter;
        this.assignmentRuleId = b.assignmentRuleId;
        this.externalIdField = b.externalIdField;
        this.maxBytesPerJob = b.maxBytesPerJob;
        this.parallelJobs = b.parallelJobs;
        this.maxRecordsPerPage = b.maxRecordsPerPage;
        this.resultPages = b.resultPages;
    }

    static CallOptions defaults() {
        return DEFAULTS;
    }

    static Builder builder() {
        return new Builder();
    }

    boolean waitForCompletion() {
        return waitForCompletion;
    }

    Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    Optional<Duration> stallTimeout() {
        return Optional.ofNullable(stallTimeout);
    }

    Charset inputCharset() {
        return inputCharset;
    }

    Consumer<BulkJob> onProgress() {
        return onProgress;
    }

    LongConsumer onUploadProgress() {
        return onUploadProgress;
    }

    Consumer<BulkJob> onJobCreated() {
        return onJobCreated;
    }

    LongConsumer onRecordsRead() {
        return onRecordsRead;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    double pollBackoffMultiplier() {
        return pollBackoffMultiplier;
    }

    Duration maxPollInterval() {
        return maxPollInterval;
    }

    LineEnding lineEnding() {
        return lineEnding;
    }

    ColumnDelimiter columnDelimiter() {
        return columnDelimiter;
    }

    Optional<String> assignmentRuleId() {
        return Optional.ofNullable(assignmentRuleId);
    }

    Optional<String> externalIdField() {
        return Optional.ofNullable(externalIdField);
    }

    long maxBytesPerJob() {
        return maxBytesPerJob;
    }

    int parallelJobs() {
        return parallelJobs;
    }

    int maxRecordsPerPage() {
        return maxRecordsPerPage;
    }

    int resultPages() {
        return resultPages;
    }

    /** Builds {@link CallOptions}; checks nothing, the public builders did. */
    static final class Builder {
        private boolean waitForCompletion = true;
        private Duration timeout = null;
        private Duration stallTimeout = Duration.ofMinutes(30);
        private Charset inputCharset = StandardCharsets.UTF_8;
        private Consumer<BulkJob> onProgress = job -> { };
        private LongConsumer onUploadProgress = bytes -> { };
        private Consumer<BulkJob> onJobCreated = job -> { };
        private LongConsumer onRecordsRead = n -> { };
        private Duration pollInterval = PollOptions.defaults().pollInterval();
        private double pollBackoffMultiplier = PollOptions.defaults().pollBackoffMultiplier();
        private Duration maxPollInterval = PollOptions.defaults().maxPollInterval();
        private LineEnding lineEnding = LineEnding.LF;
        private ColumnDelimiter columnDelimiter = ColumnDelimiter.COMMA;
        private String assignmentRuleId = null;
        private String externalIdField = null;
        private long maxBytesPerJob = IngestOptions.DEFAULT_MAX_BYTES_PER_JOB;
        private int parallelJobs = 4;
        private int maxRecordsPerPage = 0;
        private int resultPages = 1;

        Builder waitForCompletion(boolean value) {
            this.waitForCompletion = value;
            return this;
        }

        Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        Builder stallTimeout(Duration value) {
            this.stallTimeout = value;
            return this;
        }

        Builder inputCharset(Charset value) {
            this.inputCharset = value;
            return this;
        }

        Builder onProgress(Consumer<BulkJob> value) {
            this.onProgress = value;
            return this;
        }

        Builder onUploadProgress(LongConsumer value) {
            this.onUploadProgress = value;
            return this;
        }

        Builder onJobCreated(Consumer<BulkJob> value) {
            this.onJobCreated = value;
            return this;
        }

        Builder onRecordsRead(LongConsumer value) {
            this.onRecordsRead = value;
            return this;
        }

        Builder pollInterval(Duration value) {
            this.pollInterval = value;
            return this;
        }

        Builder pollBackoffMultiplier(double value) {
            this.pollBackoffMultiplier = value;
            return this;
        }

        Builder maxPollInterval(Duration value) {
            this.maxPollInterval = value;
            return this;
        }

        Builder lineEnding(LineEnding value) {
            this.lineEnding = value;
            return this;
        }

        Builder columnDelimiter(ColumnDelimiter value) {
            this.columnDelimiter = value;
            return this;
        }

        Builder assignmentRuleId(String value) {
            this.assignmentRuleId = value;
            return this;
        }

        Builder externalIdField(String value) {
            this.externalIdField = value;
            return this;
        }

        Builder maxBytesPerJob(long value) {
            this.maxBytesPerJob = value;
            return this;
        }

        Builder parallelJobs(int value) {
            this.parallelJobs = value;
            return this;
        }

        Builder maxRecordsPerPage(int value) {
            this.maxRecordsPerPage = value;
            return this;
        }

        Builder resultPages(int value) {
            this.resultPages = value;
            return this;
        }

        CallOptions build() {
            return new CallOptions(this);
        }
    }
}
