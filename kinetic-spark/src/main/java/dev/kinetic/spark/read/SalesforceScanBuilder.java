package dev.kinetic.spark.read;

import dev.kinetic.spark.SalesforceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/**
 * Plans a read: column pruning rewrites the SELECT list and filters that can be written in SOQL go into WHERE.
 * Every filter is also left for Spark to check again (SOQL compares text ignoring case, Spark does not), so pushing
 * one down only narrows what is fetched. With the {@code query} option the SOQL is taken as it is. Not thread-safe.
 */
public final class SalesforceScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns,
        SupportsPushDownFilters {
    private final SalesforceOptions options;
    private final StructType fullSchema;
    private StructType required;
    private Filter[] pushed = new Filter[0];
    private final List<String> conditions = new ArrayList<>();

    /**
     * @param options the read's options
     * @param fullSchema the table's schema
     */
    public SalesforceScanBuilder(SalesforceOptions options, StructType fullSchema) {
        this.options = options;
        this.fullSchema = fullSchema;
        this.required = fullSchema;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        if (options.get("query").isEmpty()) {
            this.required = requiredSchema;
        }
    }

    @Override
    public Filter[] pushFilters(Filter[] filters) {
        if (options.get("query").isPresent()) {
            return filters;
        }
        SoqlFilters soql = new SoqlFilters(fullSchema);
        List<Filter> done = new ArrayList<>();
        for (Filter f : filters) {
            Optional<String> c = soql.toSoql(f);
            if (c.isPresent()) {
                conditions.add(c.get());
                done.add(f);
            }
        }
        pushed = done.toArray(Filter[]::new);
        return filters;
    }

    @Override
    public Filter[] pushedFilters() {
        return pushed.clone();
    }

    @Override
    public Scan build() {
        String soql = options.get("query").orElseGet(this::soql);
        return new SalesforceScan(options, required, soql);
    }

    private String soql() {
        String object = options.require("object", "name the object to read, or give a SOQL 'query'");
        List<String> select = new ArrayList<>(List.of(required.fieldNames()));
        if (select.isEmpty()) {
            select.add("Id"); // count() and the like need rows, not columns
        }
        StringBuilder s = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ")
                .append(object);
        List<String> where = new ArrayList<>();
        options.get("where").ifPresent(w -> where.add("(" + w + ")"));
        where.addAll(conditions);
        if (!where.isEmpty()) {
            s.append(" WHERE ").append(String.join(" AND ", where));
        }
        return s.toString();
    }
}
