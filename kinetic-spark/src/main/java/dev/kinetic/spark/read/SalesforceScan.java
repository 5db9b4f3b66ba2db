package dev.kinetic.spark.read;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.spark.SalesforceOptions;
import dev.kinetic.spark.metric.SalesforceMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/**
 * One read: on the driver, one Bulk query job run to its end, then one partition per result page (listed through
 * {@code resultPages}; one partition following locators where the server lacks it). The job runs once per scan,
 * when Spark first asks for partitions. Not thread-safe.
 */
public final class SalesforceScan implements Scan, Batch {
    private static final System.Logger LOG = System.getLogger(SalesforceScan.class.getName());
    private final SalesforceOptions options;
    private final StructType schema;
    private final String soql;
    private InputPartition[] partitions;
    private long rowsInJob = -1;

    SalesforceScan(SalesforceOptions options, StructType schema, String soql) {
        this.options = options;
        this.schema = schema;
        this.soql = soql;
    }

    /** @return the SOQL this scan sends */
    public String soql() {
        return soql;
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        return "Salesforce Bulk API 2.0 query [" + soql + "]";
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        if (partitions == null) {
            partitions = plan();
        }
        return partitions.clone();
    }

    private InputPartition[] plan() {
        QueryOptions query = QueryOptions.builder().includeDeleted(options.flag("queryAll")).poll(options.poll())
                .maxRecordsPerPage((int) options.number("maxRecordsPerPage", 0)).build();
        try (SalesforceClient client = options.connect()) {
            BulkJob job = client.bulk().runQuery(soql, query);
            Optional<List<String>> urls = client.bulk().queryResultPageUrls(job.id(), query);
            List<InputPartition> list = new ArrayList<>();
            if (urls.isEmpty()) {
                list.add(new PagePartition(job.id(), null, 0));
            } else {
                for (String url : urls.get()) {
                    list.add(new PagePartition(job.id(), url, list.size()));
                }
            }
            rowsInJob = job.numberRecordsProcessed().orElse(-1);
            LOG.log(System.Logger.Level.INFO, () -> "Query job " + job.id() + " returned "
                    + job.numberRecordsProcessed().orElse(-1) + " rows in " + list.size() + " partition(s): " + soql);
            return list.toArray(InputPartition[]::new);
        }
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return SalesforceMetrics.read();
    }

    @Override
    public CustomTaskMetric[] reportDriverMetrics() {
        return rowsInJob < 0 ? new CustomTaskMetric[0]
                : new CustomTaskMetric[] {SalesforceMetrics.value(SalesforceMetrics.ROWS_IN_JOB, rowsInJob)};
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new PageReaderFactory(options, schema);
    }
}
