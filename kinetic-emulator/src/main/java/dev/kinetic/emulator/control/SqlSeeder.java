package dev.kinetic.emulator.control;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.db.FieldValues;
import dev.kinetic.emulator.db.InvalidValueException;
import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.service.dml.DmlJobFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain SQL insert of seed rows, used while the DML engine is not available: types are checked, required fields
 * enforced, system fields and the owner filled in; relationship columns are not supported. Thread-safe.
 */
final class SqlSeeder {
    private final Database database;
    private final Clock clock;

    SqlSeeder(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    RecordSeeder.Outcome insert(String objectName, List<String> header, List<String[]> rows, String userId)
            throws DmlJobFailure {
        SObjectType type = database.schema().find(objectName)
                .orElseThrow(() -> new DmlJobFailure("InvalidJob : Unable to find object: " + objectName));
        List<FieldDef> fields = new ArrayList<>();
        for (String name : header) {
            fields.add(type.field(name).filter(FieldDef::stored)
                    .orElseThrow(() -> new DmlJobFailure("InvalidBatch : Field name not found : " + name)));
        }
        List<String> ids = new ArrayList<>();
        List<RecordSeeder.RowError> errors = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            try {
                ids.add(insertRow(type, fields, rows.get(r), userId));
            } catch (InvalidValueException e) {
                ids.add(null);
                errors.add(new RecordSeeder.RowError(r, "INVALID_TYPE_ON_FIELD_IN_RECORD", e.getMessage(),
                        List.of()));
            } catch (MissingFields e) {
                ids.add(null);
                errors.add(new RecordSeeder.RowError(r, "REQUIRED_FIELD_MISSING",
                        "Required fields are missing: " + e.fields, e.fields));
            } catch (SQLException e) {
                ids.add(null);
                errors.add(new RecordSeeder.RowError(r, "UNKNOWN_EXCEPTION", e.getMessage(), List.of()));
            }
        }
        return new RecordSeeder.Outcome(ids, errors);
    }

    private String insertRow(SObjectType type, List<FieldDef> fields, String[] cells, String userId)
            throws InvalidValueException, MissingFields, SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDef f : type.storedFields()) {
            if (f.type() == FieldType.BOOLEAN && !f.nillable()) {
                values.put(f.name(), Boolean.FALSE);
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            String text = cells[i];
            if (!text.isEmpty() && !text.equals("#N/A")) {
                values.put(fields.get(i).name(), FieldValues.parse(fields.get(i), text));
            }
        }
        List<String> missing = new ArrayList<>();
        for (FieldDef f : type.storedFields()) {
            if (f.requiredOnCreate() && values.get(f.name()) == null) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingFields(missing);
        }
        String id = database.ids().next(type.keyPrefix());
        Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        values.put("Id", id);
        values.putIfAbsent("OwnerId", userId);
        values.put("CreatedById", userId);
        values.put("LastModifiedById", userId);
        values.put("CreatedDate", now);
        values.put("LastModifiedDate", now);
        values.put("SystemModstamp", now);
        values.put("IsDeleted", Boolean.FALSE);
        if (type.field("FirstName").isPresent() && type.field("Name").filter(f -> !f.createable()).isPresent()) {
            String first = values.get("FirstName") == null ? "" : values.get("FirstName") + " ";
            values.put("Name", (first + values.getOrDefault("LastName", "")).trim());
        }
        List<String> columns = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (type.field(e.getKey()).filter(FieldDef::stored).isPresent()) {
                columns.add(SqlNames.column(e.getKey()));
                params.add(e.getValue());
            }
        }
        String sql = "INSERT INTO " + SqlNames.table(type) + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            s.executeUpdate();
        }
        return id;
    }

    private static final class MissingFields extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> fields;

        MissingFields(List<String> fields) {
            super(null, null, false, false);
            this.fields = fields;
        }
    }
}
