package dev.kinetic.spark.write;

import dev.kinetic.spark.SalesforceOptions;
import dev.kinetic.spark.metric.SalesforceMetrics;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;

/**
 * A batch write: each partition loads through its own Bulk ingest job(s) ({@link ExactlyOnceLoad}); the driver logs
 * each partition's counts. Settings are checked when the write is built, before any task runs.
 */
public final class SalesforceWrite implements WriteBuilder, Write, BatchWrite {
    private static final System.Logger LOG = System.getLogger(SalesforceWrite.class.getName());
    private final SalesforceOptions options;
    private final LoadSettings settings;
    private final StructType schema;
    private volatile LoadReport[] reports = new LoadReport[0];

    /** @param info the write's options and schema */
    public SalesforceWrite(LogicalWriteInfo info) {
        this.options = new SalesforceOptions(info.options().asCaseSensitiveMap());
        this.settings = LoadSettings.of(options);
        this.schema = info.schema();
    }

    @Override
    public Write build() {
        return this;
    }

    @Override
    public BatchWrite toBatch() {
        return this;
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return SalesforceMetrics.write();
    }

    /**
     * The committed partitions' counts. A task's own metrics cannot carry them: Spark reads a writer's metrics before
     * its commit, and the load runs in the commit. Spark calls this after {@link #commit(WriterCommitMessage[])}.
     */
    @Override
    public CustomTaskMetric[] reportDriverMetrics() {
        long ok = 0;
        long failed = 0;
        for (LoadReport r : reports) {
            ok += r.succeeded();
            failed += r.failed();
        }
        return new CustomTaskMetric[] {SalesforceMetrics.value(SalesforceMetrics.ROWS_LOADED, ok),
            SalesforceMetrics.value(SalesforceMetrics.ROWS_FAILED, failed)};
    }

    @Override
    public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
        return new LoaderFactory(options, settings, schema);
    }

    @Override
    public void commit(WriterCommitMessage[] messages) {
        LoadReport[] done = Arrays.stream(messages).map(LoadReport.class::cast).toArray(LoadReport[]::new);
        long ok = 0;
        long failed = 0;
        for (LoadReport r : done) {
            ok += r.succeeded();
            failed += r.failed();
            LOG.log(System.Logger.Level.INFO, "Partition " + r.partition() + ": " + r.succeeded() + " loaded, "
                    + r.failed() + " failed, jobs " + r.jobIds() + (r.resumed() ? " (taken over from an earlier "
                    + "attempt)" : ""));
        }
        LOG.log(System.Logger.Level.INFO, settings.operation() + " of " + settings.object() + ": " + ok
                + " rows loaded, " + failed + " failed" + settings.failedRecords().map(p -> " (failed rows in " + p
                + ")").orElse(""));
        reports = done;
    }

    @Override
    public void abort(WriterCommitMessage[] messages) {
        LOG.log(System.Logger.Level.WARNING, "The write to " + settings.object() + " was aborted; partitions that "
                + "finished stay loaded and are recorded under " + settings.checkpoint() + ", so writing again with "
                + "the same checkpointLocation loads only the rest");
    }

    /** @return the partitions' outcomes once the write committed */
    public LoadReport[] reports() {
        return reports.clone();
    }

    /** Makes each task attempt's writer on the executors. */
    private static final class LoaderFactory implements DataWriterFactory {
        private static final long serialVersionUID = 1L;
        private final SalesforceOptions options;
        private final LoadSettings settings;
        private final StructType schema;

        LoaderFactory(SalesforceOptions options, LoadSettings settings, StructType schema) {
            this.options = options;
            this.settings = settings;
            this.schema = schema;
        }

        @Override
        public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
            return new PartitionLoader(options, settings, schema, partitionId, PartitionLoader.currentAttempt());
        }
    }
}
