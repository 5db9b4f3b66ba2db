package dev.kinetic.spark.read;

import dev.kinetic.spark.SalesforceOptions;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Makes the executors' page readers; shipped to them with the options. */
final class PageReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;
    private final SalesforceOptions options;
    private final StructType schema;

    PageReaderFactory(SalesforceOptions options, StructType schema) {
        this.options = options;
        this.schema = schema;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new PageReader(options, schema, (PagePartition) partition);
    }
}
