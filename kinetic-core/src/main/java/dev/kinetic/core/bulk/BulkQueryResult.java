package dev.kinetic.core.bulk;

import java.util.List;
import java.util.Objects;

/**
 * The records of a query held in memory. For big queries prefer {@link BulkClient#queryStream} or
 * {@link BulkClient#export}. Immutable.
 *
 * @param job the finished query job
 * @param columns the column names, in the order of the SOQL select list
 * @param records the records, in the order Salesforce returned them
 */
public record BulkQueryResult(BulkJob job, List<String> columns, List<BulkRecord> records) {
    /** Checks for nulls and copies the lists. */
    public BulkQueryResult {
        Objects.requireNonNull(job, "job == null");
        columns = List.copyOf(columns);
        records = List.copyOf(records);
    }

    /** How many records the query returned. */
    public long recordCount() {
        return records.size();
    }
}
