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
 * Set-based reads for a batch: all the batch's ids or keys go to the database in a few {@code WHERE col IN (?, …)}
 * queries of up to {@value #CHUNK} values, never one query per row. (H2 answers {@code col = ANY(?)} with an array
 * by scanning the table, so explicit IN lists are used: H2 turns them into index lookups.) Stateless.
 */
final class RecordLookups {
    static final int CHUNK = 500;

    /** A record found by id: whether it is in the recycle bin, and its name parts when asked for. */
    record Existing(boolean deleted, String firstName, String lastName) {
    }

    /** Reads one result row. */
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
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
        String column = KeyColumns.keyed(field) ? KeyColumns.column(field) : SqlNames.column(field);
        if (!KeyColumns.keyed(field) && KeyColumns.key(field, "a").equals("A")) {
            column = "UPPER(" + column + ")"; // a case-insensitive text field without a key column
        }
        String live = KeyColumns.keyed(field) || type.field("IsDeleted").isEmpty() ? ""
                : " AND " + SqlNames.column("IsDeleted") + " = FALSE";
        String select = "SELECT " + SqlNames.column("Id") + ", " + column + " FROM " + SqlNames.table(type) + " WHERE "
                + column;
        query(c, select, live, keys, rs -> {
            Object key = field.type() == FieldType.ID ? rs.getString(2) : rs.getObject(2);
            out.computeIfAbsent(key, k -> new ArrayList<>(1)).add(rs.getString(1));
        });
        return out;
    }

    /** The records of {@code type} with these ids, live or deleted, with FirstName and LastName when asked. */
    static Map<String, Existing> byIds(Connection c, SObjectType type, Collection<String> ids, boolean names)
            throws SQLException {
        Map<String, Existing> out = new HashMap<>();
        boolean recycleBin = type.field("IsDeleted").isPresent();
        String select = "SELECT " + SqlNames.column("Id") + ", " + (recycleBin ? SqlNames.column("IsDeleted")
                : "FALSE") + (names ? ", " + SqlNames.column("FirstName") + ", " + SqlNames.column("LastName") : "")
                + " FROM " + SqlNames.table(type) + " WHERE " + SqlNames.column("Id");
        query(c, select, "", ids, rs -> out.put(rs.getString(1), new Existing(rs.getBoolean(2),
                names ? rs.getString(3) : null, names ? rs.getString(4) : null)));
        return out;
    }

    // Runs "<select> IN (?, …)<suffix>" for each chunk of the values.
    private static void query(Connection c, String select, String suffix, Collection<?> values, RowReader reader)
            throws SQLException {
        List<Object> all = new ArrayList<>(values);
        PreparedStatement full = null;
        try {
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<Object> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                PreparedStatement ps;
                if (chunk.size() == CHUNK) {
                    if (full == null) {
                        full = c.prepareStatement(select + inList(CHUNK) + suffix);
                    }
                    ps = full;
                } else {
                    ps = c.prepareStatement(select + inList(chunk.size()) + suffix);
                }
                try {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setObject(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            reader.read(rs);
                        }
                    }
                } finally {
                    if (ps != full) {
                        ps.close();
                    }
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    private static String inList(int size) {
        StringBuilder sb = new StringBuilder(" IN (");
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.append(')').toString();
    }
}
