package dev.kinetic.emulator.soql;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local org database for SOQL tests: the default org plus a custom object {@code Widget__c} with a field of every
 * type, records inserted with plain JDBC, and an engine whose clock is fixed at Wednesday 2024-05-15T10:30:00Z.
 */
final class SoqlFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2024-05-15T10:30:00Z");

    final Schema schema = Schema.defaultOrg().merge(List.of(widget()));
    final Database db = Database.inMemory(schema);
    final SoqlEngine engine = new SoqlEngine(db, Clock.fixed(NOW, ZoneOffset.UTC));

    /** Inserts one record with these field values (field names as in the schema). */
    void insert(String object, Map<String, Object> values) throws Exception {
        List<String> columns = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (String field : values.keySet()) {
            columns.add(SqlNames.column(field));
            marks.add("?");
        }
        String sql = "INSERT INTO " + SqlNames.table(object) + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", marks) + ")";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : values.values()) {
                ps.setObject(i++, v);
            }
            ps.executeUpdate();
        }
    }

    /** A mutable map of field values, in insertion order, from alternating names and values. */
    static Map<String, Object> record(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** The rows of a query, header first. */
    List<List<String>> query(String soql) throws Exception {
        return query(soql, false);
    }

    /** The rows of a query or queryAll, header first. */
    List<List<String>> query(String soql, boolean queryAll) throws Exception {
        PreparedQuery q = engine.prepare(soql, queryAll);
        List<List<String>> rows = new ArrayList<>();
        rows.add(q.columns());
        long count = q.run(values -> rows.add(List.of(values)));
        if (count != rows.size() - 1) {
            throw new AssertionError("run returned " + count + " but streamed " + (rows.size() - 1) + " rows");
        }
        return rows;
    }

    /** The first column of every data row, in order. */
    List<String> firstColumn(String soql) throws Exception {
        List<List<String>> rows = query(soql);
        List<String> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            out.add(row.get(0));
        }
        return out;
    }

    /** The SoqlException that preparing this query throws. */
    SoqlException rejection(String soql) {
        SoqlException e = catchThrowableOfType(SoqlException.class, () -> engine.prepare(soql, false));
        if (e == null) {
            throw new AssertionError("expected a SoqlException for: " + soql);
        }
        return e;
    }

    @Override
    public void close() {
        db.close();
    }

    private static SObjectType widget() {
        List<FieldDef> fields = List.of(
                field("Id", FieldType.ID, 18, List.of(), null),
                field("Name", FieldType.STRING, 80, List.of(), null),
                field("Key__c", FieldType.STRING, 10, List.of(), null),
                field("IsDeleted", FieldType.BOOLEAN, 0, List.of(), null),
                field("Parent__c", FieldType.REFERENCE, 18, List.of("Account"), "Parent__r"),
                field("Count__c", FieldType.INT, 0, List.of(), null),
                field("Big__c", FieldType.LONG, 0, List.of(), null),
                field("Ratio__c", FieldType.PERCENT, 0, List.of(), null),
                field("Price__c", FieldType.CURRENCY, 0, List.of(), null),
                field("Due__c", FieldType.DATE, 0, List.of(), null),
                field("At__c", FieldType.DATETIME, 0, List.of(), null),
                field("Alarm__c", FieldType.TIME, 0, List.of(), null),
                field("Colors__c", FieldType.MULTIPICKLIST, 4099, List.of(), null),
                field("Active__c", FieldType.BOOLEAN, 0, List.of(), null),
                field("Notes__c", FieldType.TEXTAREA, 32000, List.of(), null),
                field("Spot__c", FieldType.LOCATION, 0, List.of(), null));
        return new SObjectType("Widget__c", "Widget", "a00", true, fields);
    }

    private static FieldDef field(String name, FieldType type, int length, List<String> referenceTo,
            String relationshipName) {
        return new FieldDef(name, name, type, length, 18, 2, true, true, true, false, false, false, false,
                name.equals("Id"), name.equals("Name"), false, false, name.endsWith("__c"), referenceTo,
                relationshipName, null, false, List.of(), null);
    }
}
