package dev.kinetic.spark;

import dev.kinetic.spark.read.SalesforceScanBuilder;
import dev.kinetic.spark.write.SalesforceWrite;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** A Salesforce object (or SOQL query) as a Spark table: batch read, and batch write (append) of any schema. */
final class SalesforceTable implements SupportsRead, SupportsWrite {
    private final StructType schema;
    private final SalesforceOptions options;

    SalesforceTable(StructType schema, SalesforceOptions options) {
        this.schema = schema;
        this.options = options;
    }

    @Override
    public String name() {
        return "salesforce:" + options.get("object").orElse("query");
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return Set.of(TableCapability.BATCH_READ, TableCapability.BATCH_WRITE, TableCapability.ACCEPT_ANY_SCHEMA);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap readOptions) {
        return new SalesforceScanBuilder(new SalesforceOptions(readOptions.asCaseSensitiveMap()), schema);
    }

    @Override
    public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
        return new SalesforceWrite(info);
    }
}
