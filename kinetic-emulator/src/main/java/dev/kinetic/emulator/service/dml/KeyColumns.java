package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Key columns make identifying and unique text fields cheap and safe to look up: for each such field a hidden
 * generated column {@code "<FIELD>$KEY"} holds the value as it is compared (upper case unless the field is
 * case-sensitive) and null for records in the recycle bin, with an index on it that is UNIQUE when the field is. The
 * unique index is what keeps two concurrent batches from both saving the same value. Stateless.
 */
final class KeyColumns {
    private KeyColumns() {
    }

    /** Whether the field gets a key column: a stored text field that is an external id, idLookup or unique. */
    static boolean keyed(FieldDef f) {
        return f.stored() && f.type().isText() && (f.externalId() || f.idLookup() || f.unique());
    }

    /** The quoted key column of a keyed field. */
    static String column(FieldDef f) {
        return '"' + f.name().toUpperCase(Locale.ROOT) + "$KEY" + '"';
    }

    /** The value as the key column holds it: text upper-cased unless case-sensitive, other values as they are. */
    static Object key(FieldDef f, Object value) {
        if (value instanceof String s && f.type() != FieldType.ID && f.type() != FieldType.REFERENCE
                && !f.caseSensitive()) {
            return s.toUpperCase(Locale.ROOT);
        }
        return value;
    }

    /**
     * Adds the key columns and their indexes to an object's table if they are not there yet. It looks before it
     * alters, so preparing a job never takes a table lock that running batches hold.
     */
    static void ensure(Connection c, SObjectType type) throws SQLException {
        boolean recycleBin = type.field("IsDeleted").isPresent();
        String table = SqlNames.table(type);
        String tableName = "SOBJ_" + type.name().toUpperCase(Locale.ROOT);
        try (Statement s = c.createStatement()) {
            for (FieldDef f : type.fields()) {
                if (!keyed(f)) {
                    continue;
                }
                String columnName = f.name().toUpperCase(Locale.ROOT) + "$KEY";
                if (!exists(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ? AND COLUMN_NAME"
                        + " = ?", tableName, columnName)) {
                    String value = f.caseSensitive() ? SqlNames.column(f) : "UPPER(" + SqlNames.column(f) + ")";
                    String expression = recycleBin ? "CASE WHEN " + SqlNames.column("IsDeleted") + " THEN NULL ELSE "
                            + value + " END" : value;
                    s.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + column(f)
                            + " CHARACTER VARYING GENERATED ALWAYS AS (" + expression + ")");
                }
                String indexName = "KX_" + type.name().toUpperCase(Locale.ROOT) + "_"
                        + f.name().toUpperCase(Locale.ROOT);
                if (!exists(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = ? AND INDEX_NAME"
                        + " = ?", tableName, indexName)) {
                    s.execute("CREATE " + (f.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + '"' + indexName
                            + '"' + " ON " + table + "(" + column(f) + ")");
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String table, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }
}
