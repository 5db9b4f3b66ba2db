package dev.kinetic.spark.read;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.core.internal.csv.CsvRows;
import dev.kinetic.spark.SalesforceOptions;
import dev.kinetic.spark.metric.SalesforceMetrics;
import java.io.InputStream;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one result page on an executor: the library downloads it and proves it complete against the page's
 * {@code Sforce-NumberOfRecords} (downloading again if it broke off) into a temporary file, which is then parsed row
 * by row, so memory stays bounded by one row. Not thread-safe.
 */
final class PageReader implements PartitionReader<InternalRow> {
    private final StructType schema;
    private final SalesforceClient client;
    private final InputStream body;
    private final CsvRows csv;
    private final int[] positions;
    private InternalRow current;
    private long read;

    PageReader(SalesforceOptions options, StructType schema, PagePartition page) {
        this.schema = schema;
        this.client = options.connect();
        try {
            this.body = page.pageUrl() == null ? client.bulk().queryResults(page.jobId(), QueryOptions.defaults())
                    : client.bulk().queryResultPage(page.jobId(), page.pageUrl());
            // CsvRows, not FastCSV: FastCSV 4.0.0-4.2.0 misreads a quoted value holding a bare CR in LF-ended rows.
            this.csv = new CsvRows(body, ',');
            List<String> header = csv.next();
            this.positions = positions(header == null ? List.of() : header, page);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private int[] positions(List<String> header, PagePartition page) {
        StructField[] fields = schema.fields();
        int[] at = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            at[i] = -1;
            for (int j = 0; j < header.size(); j++) {
                if (header.get(j).equalsIgnoreCase(fields[i].name())) {
                    at[i] = j;
                }
            }
            if (at[i] < 0 && !header.isEmpty()) {
                throw new IllegalStateException("Result page " + page.index() + " of query job " + page.jobId()
                        + " has no column '" + fields[i].name() + "'; its columns are " + header);
            }
        }
        return at;
    }

    @Override
    public boolean next() {
        List<String> r = csv.next();
        if (r == null) {
            return false;
        }
        StructField[] fields = schema.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String cell = positions[i] < r.size() ? r.get(positions[i]) : null;
            values[i] = CellParser.parse(cell, fields[i].dataType(), fields[i].name());
        }
        current = new GenericInternalRow(values);
        read++;
        return true;
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public CustomTaskMetric[] currentMetricsValues() {
        return new CustomTaskMetric[] {SalesforceMetrics.value(SalesforceMetrics.ROWS_READ, read)};
    }

    @Override
    public void close() {
        try {
            csv.close(); // and the body under it
        } finally {
            client.close();
        }
    }
}
