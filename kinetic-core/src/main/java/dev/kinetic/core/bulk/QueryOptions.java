package dev.kinetic.core.bulk;

import java.util.function.LongConsumer;

/**
 * Options of a query ({@code query}, {@code queryStream}, {@code export}, {@code queryResults}): whether deleted and
 * archived records are included (queryAll), result paging, the CSV format of the result, read progress and how to
 * wait ({@link #poll()}). Immutable and thread-safe. {@link #defaults()}: query (not queryAll), pages of the server's
 * size read in turn, LF and comma, {@link PollOptions#defaults()}.
 */
public final class QueryOptions {
    private static final QueryOptions DEFAULTS = builder().build();

    private final boolean includeDeleted;
    private final int maxRecordsPerPage;
    private final int resultPages;
    private final CallSettings shared;

    private QueryOptions(Builder b) {
        this.includeDeleted = b.includeDeleted;
        this.maxRecordsPerPage = b.maxRecordsPerPage;
        this.resultPages = b.resultPages;
        this.shared = b.shared;
    }

    /** {@return the defaults} */
    public static QueryOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from these options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.includeDeleted = includeDeleted;
        b.maxRecordsPerPage = maxRecordsPerPage;
        b.resultPages = resultPages;
        b.shared = shared;
        return b;
    }

    /** {@return whether the query is a queryAll: deleted and archived records too} Default false. */
    public boolean includeDeleted() {
        return includeDeleted;
    }

    /** {@return the {@code maxRecords} of each result page; 0 (the default) lets the server choose} */
    public int maxRecordsPerPage() {
        return maxRecordsPerPage;
    }

    /** {@return how many result pages to fetch in parallel through {@code resultPages}; 1 (default) pages in turn} */
    public int resultPages() {
        return resultPages;
    }

    /** {@return the line ending of the result CSV (an export's file); default LF} */
    public LineEnding lineEnding() {
        return shared.lineEnding();
    }

    /** {@return the column delimiter of the result CSV (an export's file); default comma} */
    public ColumnDelimiter columnDelimiter() {
        return shared.columnDelimiter();
    }

    /** {@return the callback called with the number of records read so far} */
    public LongConsumer onRecordsRead() {
        return shared.progress();
    }

    /** {@return how to wait for the query job} */
    public PollOptions poll() {
        return shared.poll();
    }

    @Override
    public String toString() {
        return "QueryOptions[includeDeleted=" + includeDeleted + ", maxRecordsPerPage=" + maxRecordsPerPage
                + ", resultPages=" + resultPages + ", " + shared + ", poll=" + shared.poll() + "]";
    }

    /** Builds {@link QueryOptions}. Not thread-safe. */
    public static final class Builder {
        private boolean includeDeleted;
        private int maxRecordsPerPage;
        private int resultPages = 1;
        private CallSettings shared = CallSettings.DEFAULTS;

        private Builder() {
        }

        /**
         * Whether to include deleted and archived records (Salesforce's queryAll).
         *
         * @param includeDeleted true for queryAll
         * @return this builder
         */
        public Builder includeDeleted(boolean includeDeleted) {
            this.includeDeleted = includeDeleted;
            return this;
        }

        /**
         * The {@code maxRecords} of each result page.
         *
         * @param maxRecordsPerPage 0 for the server's default, else a positive number
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxRecordsPerPage(int maxRecordsPerPage) {
            if (maxRecordsPerPage < 0) {
                throw new IllegalArgumentException("maxRecordsPerPage must be >= 0; got " + maxRecordsPerPage);
            }
            this.maxRecordsPerPage = maxRecordsPerPage;
            return this;
        }

        /**
         * How many result pages to fetch in parallel through {@code resultPages} (API v58.0+).
         *
         * @param parallelism 1 (default) fetches pages one after the other with the locator
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder resultPages(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("resultPages must be >= 1; got " + parallelism);
            }
            this.resultPages = parallelism;
            return this;
        }

        /**
         * The line ending of the result CSV (default LF).
         *
         * @param lineEnding the line ending
         * @return this builder
         */
        public Builder lineEnding(LineEnding lineEnding) {
            shared = shared.withLineEnding(lineEnding);
            return this;
        }

        /**
         * The column delimiter of the result CSV (default comma).
         *
         * @param columnDelimiter the delimiter
         * @return this builder
         */
        public Builder columnDelimiter(ColumnDelimiter columnDelimiter) {
            shared = shared.withColumnDelimiter(columnDelimiter);
            return this;
        }

        /**
         * Called with the number of records read so far.
         *
         * @param onRecordsRead the callback
         * @return this builder
         */
        public Builder onRecordsRead(LongConsumer onRecordsRead) {
            shared = shared.withProgress(onRecordsRead, "onRecordsRead");
            return this;
        }

        /**
         * How to wait for the query job (default {@link PollOptions#defaults()}).
         *
         * @param poll the polling options
         * @return this builder
         */
        public Builder poll(PollOptions poll) {
            shared = shared.withPoll(poll);
            return this;
        }

        /** {@return the options} */
        public QueryOptions build() {
            return new QueryOptions(this);
        }
    }
}
