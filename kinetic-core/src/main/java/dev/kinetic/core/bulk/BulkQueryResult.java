package dev.kinetic.core.bulk;

import java.util.List;
import java.util.Objects;

/**
 * The records of a query held in memory. For big queries prefer {@link BulkClient#queryStream} or
 * {@link BulkClient#export}. Immutable and thread-safe. A final class rather than a record so that fields can be
 * added without breaking callers; made by {@link #of(BulkJob, List, List)}.
 */
public final class BulkQueryResult {
    private final BulkJob job;
    private final List<String> columns;
    private final List<BulkRecord> records;

    private BulkQueryResult(BulkJob job, List<String> columns, List<BulkRecord> records) {
        this.job = Objects.requireNonNull(job, "job == null");
        this.columns = List.copyOf(columns);
        this.records = List.copyOf(records);
    }

    /**
     * {@return the result of a query} (For the library, and for test doubles of {@link BulkClient}.)
     *
     * @param job the finished query job
     * @param columns the column names, in the order of the SOQL select list; copied
     * @param records the records, in the order Salesforce returned them; copied
     */
    public static BulkQueryResult of(BulkJob job, List<String> columns, List<BulkRecord> records) {
        return new BulkQueryResult(job, columns, records);
    }

    /** {@return the finished query job} */
    public BulkJob job() {
        return job;
    }

    /** {@return the column names, in the order of the SOQL select list} */
    public List<String> columns() {
        return columns;
    }

    /** {@return the records, in the order Salesforce returned them} */
    public List<BulkRecord> records() {
        return records;
    }

    /** {@return how many records the query returned} */
    public long recordCount() {
        return records.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkQueryResult r && job.equals(r.job) && columns.equals(r.columns)
                && records.equals(r.records);
    }

    @Override
    public int hashCode() {
        return Objects.hash(job, columns, records);
    }

    @Override
    public String toString() {
        return "BulkQueryResult[job=" + job.id() + ", columns=" + columns + ", records=" + records.size() + "]";
    }
}
