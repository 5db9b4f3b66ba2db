package dev.kinetic.core.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A snapshot of a job's info as Salesforce reported it. Immutable and thread-safe; get a fresh one with
 * {@link BulkClient#getJob(String)}. Fields the server did not send are empty, never a made-up value: a job in a
 * {@link BulkClient#listJobs job list} carries no counters, a query job no failed count. A final class rather than
 * a record so that fields can be added without breaking callers; build one (e.g. for a test double) with
 * {@link #builder(String)}.
 */
public final class BulkJob {
    private final String id;
    private final BulkOperation operation;
    private final String object;
    private final JobState state;
    private final String externalIdFieldName;
    private final LineEnding lineEnding;
    private final ColumnDelimiter columnDelimiter;
    private final Long numberRecordsProcessed;
    private final Long numberRecordsFailed;
    private final Integer retries;
    private final Duration totalProcessingTime;
    private final Instant createdDate;
    private final Instant systemModstamp;
    private final String apiVersion;
    private final String errorMessage;

    private BulkJob(Builder b) {
        this.id = b.id;
        this.operation = Objects.requireNonNull(b.operation, "operation == null");
        this.object = b.object;
        this.state = b.state;
        this.externalIdFieldName = b.externalIdFieldName;
        this.lineEnding = b.lineEnding;
        this.columnDelimiter = b.columnDelimiter;
        this.numberRecordsProcessed = b.numberRecordsProcessed;
        this.numberRecordsFailed = b.numberRecordsFailed;
        this.retries = b.retries;
        this.totalProcessingTime = b.totalProcessingTime;
        this.createdDate = b.createdDate;
        this.systemModstamp = b.systemModstamp;
        this.apiVersion = b.apiVersion;
        this.errorMessage = b.errorMessage;
    }

    /**
     * A builder for a job with this id; the operation must be set, the other fields default to empty (state
     * {@code Open}, LF, comma).
     *
     * @param id the job id
     * @return the builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** {@return the job id ({@code 750...})} */
    public String id() {
        return id;
    }

    /** {@return ingest or query; follows from {@link #operation()}} */
    public JobKind kind() {
        return operation.kind();
    }

    /** {@return the operation, e.g. {@link BulkOperation#HARD_DELETE} or {@link BulkOperation#QUERY_ALL}} */
    public BulkOperation operation() {
        return operation;
    }

    /** {@return the sObject, e.g. {@code Account}; empty for a query job whose info did not name it} */
    public String object() {
        return object;
    }

    /** {@return the state} */
    public JobState state() {
        return state;
    }

    /** {@return the external id field of an upsert, else empty} */
    public Optional<String> externalIdFieldName() {
        return Optional.ofNullable(externalIdFieldName);
    }

    /** {@return the job's line ending} */
    public LineEnding lineEnding() {
        return lineEnding;
    }

    /** {@return the job's column delimiter} */
    public ColumnDelimiter columnDelimiter() {
        return columnDelimiter;
    }

    /** {@return rows processed so far (successful and failed); empty if the server did not say (e.g. in job lists)} */
    public OptionalLong numberRecordsProcessed() {
        return numberRecordsProcessed == null ? OptionalLong.empty() : OptionalLong.of(numberRecordsProcessed);
    }

    /** {@return rows that failed so far (ingest only); empty if the server did not say} */
    public OptionalLong numberRecordsFailed() {
        return numberRecordsFailed == null ? OptionalLong.empty() : OptionalLong.of(numberRecordsFailed);
    }

    /**
     * {@return rows that succeeded so far, processed minus failed; empty unless the server gave both counts} For a
     * query job, which has no failed count, the processed count.
     */
    public OptionalLong numberRecordsSucceeded() {
        if (numberRecordsProcessed == null) {
            return OptionalLong.empty();
        }
        if (numberRecordsFailed == null) {
            return kind() == JobKind.QUERY ? OptionalLong.of(numberRecordsProcessed) : OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, numberRecordsProcessed - numberRecordsFailed));
    }

    /** {@return how many times Salesforce retried saving results; empty if not sent} */
    public OptionalInt retries() {
        return retries == null ? OptionalInt.empty() : OptionalInt.of(retries);
    }

    /** {@return processing time so far; empty if not sent} */
    public Optional<Duration> totalProcessingTime() {
        return Optional.ofNullable(totalProcessingTime);
    }

    /** {@return when the job was created; empty if not sent} */
    public Optional<Instant> createdDate() {
        return Optional.ofNullable(createdDate);
    }

    /** {@return when the job last changed; empty if not sent} */
    public Optional<Instant> systemModstamp() {
        return Optional.ofNullable(systemModstamp);
    }

    /** {@return the API version the job was created with, e.g. {@code 62.0}; empty if not sent} */
    public Optional<String> apiVersion() {
        return Optional.ofNullable(apiVersion);
    }

    /** {@return the server's {@code errorMessage} of a failed job, else empty} */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /** {@return whether this is a query or queryAll job} */
    public boolean isQuery() {
        return kind() == JobKind.QUERY;
    }

    /** {@return whether the job has ended (complete, failed or aborted)} */
    public boolean isTerminal() {
        return state.isTerminal();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkJob j && id.equals(j.id) && operation == j.operation && object.equals(j.object)
                && state.equals(j.state) && Objects.equals(externalIdFieldName, j.externalIdFieldName)
                && lineEnding == j.lineEnding && columnDelimiter == j.columnDelimiter
                && Objects.equals(numberRecordsProcessed, j.numberRecordsProcessed)
                && Objects.equals(numberRecordsFailed, j.numberRecordsFailed) && Objects.equals(retries, j.retries)
                && Objects.equals(totalProcessingTime, j.totalProcessingTime)
                && Objects.equals(createdDate, j.createdDate) && Objects.equals(systemModstamp, j.systemModstamp)
                && Objects.equals(apiVersion, j.apiVersion) && Objects.equals(errorMessage, j.errorMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, operation, object, state, numberRecordsProcessed, numberRecordsFailed);
    }

    @Override
    public String toString() {
        return "BulkJob[" + id + " " + operation.wireName() + " " + object + " " + state.name()
                + numberRecordsProcessed().stream().mapToObj(n -> ", processed " + n).findFirst().orElse("")
                + numberRecordsFailed().stream().mapToObj(n -> ", failed " + n).findFirst().orElse("") + "]";
    }

    /** Builds a {@link BulkJob}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private BulkOperation operation;
        private String object = "";
        private JobState state = JobState.OPEN;
        private String externalIdFieldName;
        private LineEnding lineEnding = LineEnding.LF;
        private ColumnDelimiter columnDelimiter = ColumnDelimiter.COMMA;
        private Long numberRecordsProcessed;
        private Long numberRecordsFailed;
        private Integer retries;
        private Duration totalProcessingTime;
        private Instant createdDate;
        private Instant systemModstamp;
        private String apiVersion;
        private String errorMessage;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id == null");
        }

        /**
         * The operation (required).
         *
         * @param operation the operation
         * @return this builder
         */
        public Builder operation(BulkOperation operation) {
            this.operation = Objects.requireNonNull(operation, "operation == null");
            return this;
        }

        /**
         * The sObject.
         *
         * @param object e.g. {@code Account}
         * @return this builder
         */
        public Builder object(String object) {
            this.object = Objects.requireNonNull(object, "object == null");
            return this;
        }

        /**
         * The state.
         *
         * @param state the state
         * @return this builder
         */
        public Builder state(JobState state) {
            this.state = Objects.requireNonNull(state, "state == null");
            return this;
        }

        /**
         * The external id field of an upsert.
         *
         * @param field the field, or {@code null}
         * @return this builder
         */
        public Builder externalIdFieldName(String field) {
            this.externalIdFieldName = field;
            return this;
        }

        /**
         * The line ending.
         *
         * @param lineEnding the line ending
         * @return this builder
         */
        public Builder lineEnding(LineEnding lineEnding) {
            this.lineEnding = Objects.requireNonNull(lineEnding, "lineEnding == null");
            return this;
        }

        /**
         * The column delimiter.
         *
         * @param columnDelimiter the delimiter
         * @return this builder
         */
        public Builder columnDelimiter(ColumnDelimiter columnDelimiter) {
            this.columnDelimiter = Objects.requireNonNull(columnDelimiter, "columnDelimiter == null");
            return this;
        }

        /**
         * Rows processed.
         *
         * @param n the count, or {@code null} if not known
         * @return this builder
         */
        public Builder numberRecordsProcessed(Long n) {
            this.numberRecordsProcessed = n;
            return this;
        }

        /**
         * Rows failed.
         *
         * @param n the count, or {@code null} if not known
         * @return this builder
         */
        public Builder numberRecordsFailed(Long n) {
            this.numberRecordsFailed = n;
            return this;
        }

        /**
         * Retries.
         *
         * @param n the count, or {@code null} if not known
         * @return this builder
         */
        public Builder retries(Integer n) {
            this.retries = n;
            return this;
        }

        /**
         * Processing time.
         *
         * @param time the time, or {@code null} if not known
         * @return this builder
         */
        public Builder totalProcessingTime(Duration time) {
            this.totalProcessingTime = time;
            return this;
        }

        /**
         * The creation time.
         *
         * @param time the time, or {@code null} if not known
         * @return this builder
         */
        public Builder createdDate(Instant time) {
            this.createdDate = time;
            return this;
        }

        /**
         * The last change time.
         *
         * @param time the time, or {@code null} if not known
         * @return this builder
         */
        public Builder systemModstamp(Instant time) {
            this.systemModstamp = time;
            return this;
        }

        /**
         * The API version.
         *
         * @param version e.g. {@code 62.0}, or {@code null}
         * @return this builder
         */
        public Builder apiVersion(String version) {
            this.apiVersion = version;
            return this;
        }

        /**
         * The server's error message.
         *
         * @param message the message, or {@code null}
         * @return this builder
         */
        public Builder errorMessage(String message) {
            this.errorMessage = message;
            return this;
        }

        /**
         * Builds the job.
         *
         * @return the job
         * @throws NullPointerException if no operation was set
         */
        public BulkJob build() {
            return new BulkJob(this);
        }
    }
}
