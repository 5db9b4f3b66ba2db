package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Set-based reads for a batch: one query per object and field for all the batch's ids or keys
 * ({@code WHERE col = ANY(?)} with an array parameter), never one query per row. Stateless.
 */
final class RecordLookups {
    /** A record found by id: whether it is in the recycle bin, and its name parts when asked for. */
    record Existing(boolean deleted, String firstName, String lastName) {
    }

    private RecordLookups() {
    }

    /**
     * The ids of live (not deleted) records of {@code type} whose {@code field} has one of these keys (values as
     * {@link KeyColumns#key} makes them), grouped by key.
     */
    static Map<Object, List<String>> idsByKey(Connection c, SObjectType type, FieldDef field, Collection<Object> keys)
            throws SQLException {
        Map<Object, List<String>> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        String id = SqlNames.column("Id");
        String column = KeyColumns.keyed(field) ? KeyColumns.column(field) : SqlNames.column(field);
        if (!KeyColumns.keyed(field) && KeyColumns.key(field, "a").equals("A")) {
            column = "UPPER(" + column + ")"; // a case-insensitive text field without a key column
        }
        String live = KeyColumns.keyed(field) || type.field("IsDeleted").isEmpty() ? ""
                : " AND " + SqlNames.column("IsDeleted") + " = FALSE";
        String sql = "SELECT " + id + ", " + column + " FROM " + SqlNames.table(type) + " WHERE " + column
                + " = ANY(?)" + live;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, keys.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object key = field.type() == FieldType.ID ? rs.getString(2) : rs.getObject(2);
                    out.computeIfAbsent(key, k -> new ArrayList<>(1)).add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The records of {@code type} with these ids, live or deleted, with FirstName and LastName when asked. */
    static Map<String, Existing> byIds(Connection c, SObjectType type, Collection<String> ids, boolean names)
            throws SQLException {
        Map<String, Existing> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        boolean recycleBin = type.field("IsDeleted").isPresent();
        String sql = "SELECT " + SqlNames.column("Id") + ", " + (recycleBin ? SqlNames.column("IsDeleted") : "FALSE")
                + (names ? ", " + SqlNames.column("FirstName") + ", " + SqlNames.column("LastName") : "")
                + " FROM " + SqlNames.table(type) + " WHERE " + SqlNames.column("Id") + " = ANY(?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, ids.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Existing(rs.getBoolean(2), names ? rs.getString(3) : null,
                            names ? rs.getString(4) : null));
                }
            }
        }
        return out;
    }
}
