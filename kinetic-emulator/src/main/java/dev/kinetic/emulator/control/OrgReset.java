package dev.kinetic.emulator.control;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.SObjectType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Deletes every record of the org except its admin user, for {@code POST /__emulator/reset}. Thread-safe. */
final class OrgReset {
    private final Database database;
    private final String adminUserId;

    OrgReset(Database database, String adminUserId) {
        this.database = database;
        this.adminUserId = adminUserId;
    }

    void deleteRecords() {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (SObjectType t : database.schema().types()) {
                if (t.name().equalsIgnoreCase("User")) {
                    try (PreparedStatement users = c.prepareStatement("DELETE FROM " + SqlNames.table(t)
                            + " WHERE " + SqlNames.column("Id") + " <> ?")) {
                        users.setString(1, adminUserId);
                        users.executeUpdate();
                    }
                } else {
                    s.execute("TRUNCATE TABLE " + SqlNames.table(t));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear the local org's records: " + e.getMessage(), e);
        }
    }
}
