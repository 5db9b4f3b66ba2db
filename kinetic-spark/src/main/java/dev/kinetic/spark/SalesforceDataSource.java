package dev.kinetic.spark;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.spark.read.SchemaMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@code salesforce} data source (Spark 4 DataSource V2): {@code spark.read.format("salesforce")} reads an
 * object or a SOQL query through one Bulk API 2.0 query job whose result pages the executors read in parallel;
 * {@code df.write.format("salesforce").mode("append")} loads each partition through its own ingest job(s), exactly
 * once under task retries and speculation. Options: see the module's README. Thread-safe.
 */
public final class SalesforceDataSource implements TableProvider, DataSourceRegister {
    private static final Pattern SELECT = Pattern.compile("(?is)^\\s*SELECT\\s+(.*?)\\s+FROM\\s+(\\w+)");

    /** Spark makes one by reflection. */
    public SalesforceDataSource() {
    }

    @Override
    public String shortName() {
        return "salesforce";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap map) {
        SalesforceOptions options = new SalesforceOptions(map.asCaseSensitiveMap());
        try (SalesforceClient client = options.connect()) {
            SchemaMapper mapper = new SchemaMapper(client);
            if (options.get("query").isPresent()) {
                String soql = options.get("query").get();
                Matcher m = SELECT.matcher(soql);
                if (!m.find()) {
                    throw new IllegalArgumentException("The option 'query' must be a SOQL SELECT … FROM object; got: "
                            + soql);
                }
                return mapper.schema(m.group(2), split(m.group(1)));
            }
            String object = options.require("object", "name the object to read, e.g. option(\"object\", "
                    + "\"Account\"), or give a SOQL 'query'");
            List<String> columns = options.get("columns").map(SalesforceDataSource::split)
                    .orElseGet(() -> mapper.selectableFields(object));
            return mapper.schema(object, columns);
        }
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String c : list.split(",")) {
            String s = c.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        if (out.stream().anyMatch(s -> s.toUpperCase(Locale.ROOT).contains("(") || s.contains(" "))) {
            throw new IllegalArgumentException("Columns must be field names or paths (Name, Owner.Email); got "
                    + Arrays.toString(out.toArray()));
        }
        return out;
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new SalesforceTable(schema, new SalesforceOptions(properties));
    }

    @Override
    public boolean supportsExternalMetadata() {
        return true;
    }
}
