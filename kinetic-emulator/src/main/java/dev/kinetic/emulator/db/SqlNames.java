package dev.kinetic.emulator.db;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import java.util.Locale;

/**
 * How sObjects map to SQL: one table per object named {@code "SOBJ_<NAME>"}, one column per stored field named by
 * the field's API name in upper case, always quoted (field names such as {@code Type} or {@code Year} are SQL words).
 * Every module that writes SQL over records uses these names.
 */
public final class SqlNames {
    private SqlNames() {
    }

    /** The quoted table name of an object, e.g. {@code "SOBJ_ACCOUNT"}. */
    public static String table(SObjectType type) {
        return table(type.name());
    }

    /** The quoted table name of an object name. */
    public static String table(String objectName) {
        return '"' + "SOBJ_" + objectName.toUpperCase(Locale.ROOT) + '"';
    }

    /** The quoted column name of a field, e.g. {@code "EXTERNAL_KEY__C"}. */
    public static String column(FieldDef field) {
        return column(field.name());
    }

    /** The quoted column name of a field name. */
    public static String column(String fieldName) {
        return '"' + fieldName.toUpperCase(Locale.ROOT) + '"';
    }

    /** The SQL type of a stored field. */
    public static String sqlType(FieldDef field) {
        return switch (field.type()) {
            case ID, REFERENCE -> "CHARACTER VARYING(18)";
            case BOOLEAN -> "BOOLEAN";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case CURRENCY, DOUBLE, PERCENT -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP(3)";
            case TIME -> "TIME(3)";
            default -> "CHARACTER VARYING";
        };
    }
}
