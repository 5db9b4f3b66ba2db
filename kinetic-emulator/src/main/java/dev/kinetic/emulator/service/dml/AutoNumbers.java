package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Numbers auto-number fields ({@code Case.CaseNumber}) from one persistent H2 sequence per field, starting at 1001 and
 * formatted with 8 digits ({@code 00001001}), as a new org numbers its cases. The whole batch's numbers come from one
 * query. Stateless; sequences are safe to share between concurrent batches.
 */
final class AutoNumbers {
    private static final long FIRST = 1001;

    private AutoNumbers() {
    }

    static void ensure(Connection c, SObjectType type) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (FieldDef f : type.fields()) {
                if (f.autoNumber() && f.stored()) {
                    s.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence(type, f) + " START WITH " + FIRST);
                }
            }
        }
    }

    /** {@code count} new numbers of the field, formatted. */
    static List<String> next(Connection c, SObjectType type, FieldDef field, int count) throws SQLException {
        List<String> out = new ArrayList<>(count);
        if (count == 0) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT NEXT VALUE FOR " + sequence(type, field)
                + " FROM SYSTEM_RANGE(1, ?)")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(String.format(Locale.ROOT, "%08d", rs.getLong(1)));
                }
            }
        }
        return out;
    }

    private static String sequence(SObjectType type, FieldDef f) {
        return '"' + "KINETIC_AUTONUM_" + type.name().toUpperCase(Locale.ROOT) + "_" + f.name().toUpperCase(Locale.ROOT)
                + '"';
    }
}
