package dev.kinetic.spark.read;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.schema.SObjectDescribe;
import dev.kinetic.core.schema.SObjectField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Builds a Spark schema from describes: one column per field, named as in the result CSV header ({@code Name},
 * {@code Owner.Email} for a parent's field). Each column's metadata keeps the Salesforce type under
 * {@value #SF_TYPE}, which decides how filters on it are written in SOQL. Not thread-safe (caches describes).
 */
public final class SchemaMapper {
    /** Column metadata key holding the field's Salesforce type. */
    public static final String SF_TYPE = "salesforceType";
    /** Types a Bulk query cannot select (compound fields and binary data). */
    private static final Set<String> UNSELECTABLE = Set.of("address", "location", "base64", "complexvalue");

    private final SalesforceClient client;
    private final Map<String, SObjectDescribe> describes = new HashMap<>();

    /** @param client a signed-in client */
    public SchemaMapper(SalesforceClient client) {
        this.client = client;
    }

    /**
     * Every field a Bulk query can select, in describe order.
     *
     * @param object the object
     * @return the field names
     */
    public List<String> selectableFields(String object) {
        List<String> names = new ArrayList<>();
        for (SObjectField f : describe(object).fields()) {
            if (!UNSELECTABLE.contains(f.type().toLowerCase(Locale.ROOT))) {
                names.add(f.name());
            }
        }
        return names;
    }

    /**
     * The schema of {@code columns} selected from {@code object}; a dotted column follows relationships.
     *
     * @param object the object queried
     * @param columns the selected fields, e.g. {@code Name}, {@code Owner.Email}
     * @return the schema
     * @throws IllegalArgumentException naming a field or relationship the object lacks
     */
    public StructType schema(String object, List<String> columns) {
        List<StructField> fields = new ArrayList<>();
        for (String column : columns) {
            SObjectField f = resolve(object, column);
            Metadata meta = new MetadataBuilder().putString(SF_TYPE, f.type()).build();
            fields.add(new StructField(column, sparkType(f), true, meta));
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    /**
     * The Spark type of a Salesforce field type.
     *
     * @param f the field
     * @return its Spark type
     */
    public static DataType sparkType(SObjectField f) {
        switch (f.type().toLowerCase(Locale.ROOT)) {
            case "boolean":
                return DataTypes.BooleanType;
            case "int":
                return DataTypes.IntegerType;
            case "long":
                return DataTypes.LongType;
            case "double":
            case "currency":
            case "percent":
                return f.precision() > 0 && f.precision() <= 38 && f.scale() >= 0 && f.scale() <= f.precision()
                        ? DataTypes.createDecimalType(f.precision(), f.scale()) : DataTypes.DoubleType;
            case "date":
                return DataTypes.DateType;
            case "datetime":
                return DataTypes.TimestampType;
            default:
                return DataTypes.StringType;
        }
    }

    private SObjectField resolve(String object, String column) {
        String[] path = column.split("\\.");
        String current = object;
        for (int i = 0; i < path.length - 1; i++) {
            String rel = path[i];
            SObjectField ref = describe(current).relationship(rel).orElseThrow(() -> new IllegalArgumentException(
                    "Column '" + column + "': " + object + " has no relationship '" + rel + "'; name it as in SOQL, "
                            + "e.g. Owner.Email"));
            if (ref.referenceTo().size() != 1) {
                // polymorphic (Owner of Case: User or Group): the value is read as text
                return SObjectField.builder(column, "string").build();
            }
            current = ref.referenceTo().get(0);
        }
        String name = path[path.length - 1];
        String where = current;
        return describe(current).field(name).orElseThrow(() -> new IllegalArgumentException("Column '" + column
                + "': " + where + " has no field '" + name + "'; check the name in its describe"));
    }

    private SObjectDescribe describe(String object) {
        return describes.computeIfAbsent(object.toLowerCase(Locale.ROOT), k -> client.describe(object));
    }
}
