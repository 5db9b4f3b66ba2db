package dev.kinetic.spark.read;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.spark.SalesforceOptions;
import dev.kinetic.spark.metric.SalesforceMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
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
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> rows;
    private final int[] positions;
    private InternalRow current;
    private long read;

    PageReader(SalesforceOptions options, StructType schema, PagePartition page) {
        this.schema = schema;
        this.client = options.connect();
        try {
            this.body = page.pageUrl() == null ? client.bulk().queryResults(page.jobId(), QueryOptions.defaults())
                    : client.bulk().queryResultPage(page.jobId(), page.pageUrl());
            this.csv = CsvReader.builder().ofCsvRecord(new InputStreamReader(body, StandardCharsets.UTF_8));
            this.rows = csv.iterator();
            this.positions = positions(rows.hasNext() ? rows.next().getFields() : List.of(), page);
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
        if (!rows.hasNext()) {
            return false;
        }
        CsvRecord r = rows.next();
        StructField[] fields = schema.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String cell = positions[i] < r.getFieldCount() ? r.getField(positions[i]) : null;
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
            csv.close();
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            client.close();
        }
    }
}
