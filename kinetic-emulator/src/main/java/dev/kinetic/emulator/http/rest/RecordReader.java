package dev.kinetic.emulator.http.rest;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.db.FieldValues;
import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.ids.SalesforceIds;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one record as the REST API renders it: fields in describe order, booleans and numbers as JSON values,
 * dates {@code yyyy-MM-dd}, dateTimes {@code yyyy-MM-ddTHH:mm:ss.SSS+0000}, null as JSON null. Compound fields
 * (addresses, geolocations) are left out. Thread-safe.
 */
public final class RecordReader {
    private static final DateTimeFormatter REST_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'");

    private final Database database;

    /** @param database the org's database */
    public RecordReader(Database database) {
        this.database = database;
    }

    /**
     * The record's fields, or empty when no record of this type has the id.
     *
     * @param type the object
     * @param id a 15- or 18-character id
     */
    public Optional<Map<String, Object>> read(SObjectType type, String id) {
        String id18 = SalesforceIds.normalize(id);
        if (id18 == null) {
            return Optional.empty();
        }
        List<FieldDef> fields = type.storedFields();
        String sql = "SELECT * FROM " + SqlNames.table(type) + " WHERE " + SqlNames.column("Id") + " = ?";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id18);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, Object> out = new LinkedHashMap<>();
                for (FieldDef f : fields) {
                    out.put(f.name(), json(f, rs.getObject(f.name().toUpperCase(java.util.Locale.ROOT))));
                }
                return Optional.of(out);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + type.name() + " " + id + ": " + e.getMessage(), e);
        }
    }

    private static Object json(FieldDef field, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Timestamp t) {
            return REST_DATETIME.format(t.toLocalDateTime());
        }
        if (value instanceof java.time.LocalDateTime t) {
            return REST_DATETIME.format(t);
        }
        return FieldValues.formatQuery(field, value);
    }
}
