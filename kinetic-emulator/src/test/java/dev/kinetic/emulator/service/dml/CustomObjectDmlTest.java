package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Custom objects from a describe: relationship columns through a custom {@code __r} relationship. */
class CustomObjectDmlTest {
    private final Database database = Database.inMemory(Schema.defaultOrg().merge(List.of(widget())));
    private final DmlEngine engine = new DmlEngine(database, Clock.systemUTC());
    private final String user = database.ids().next("005");

    @AfterEach
    void close() {
        database.close();
    }

    private static FieldDef field(String name, FieldType type, boolean nillable, boolean createable,
                                  boolean externalId, List<String> referenceTo, String relationship) {
        return field(name, type, nillable, createable, externalId, referenceTo, relationship, null);
    }

    private static FieldDef field(String name, FieldType type, boolean nillable, boolean createable,
                                  boolean externalId, List<String> referenceTo, String relationship,
                                  String defaultValue) {
        boolean defaulted = !nillable && (!createable || name.equals("OwnerId"));
        return new FieldDef(name, name.replace("__c", "").replace('_', ' '), type, type == FieldType.STRING ? 80 : 0,
                0, 0, nillable, createable, createable, defaulted, false, false, externalId, name.equals("Id"),
                name.equals("Name"), false, false, name.endsWith("__c"), referenceTo, relationship, null, false,
                List.of(), defaultValue);
    }

    private static SObjectType widget() {
        List<FieldDef> fields = new ArrayList<>(List.of(
                field("Id", FieldType.ID, false, false, false, List.of(), null),
                field("IsDeleted", FieldType.BOOLEAN, false, false, false, List.of(), null),
                field("Name", FieldType.STRING, false, true, false, List.of(), null),
                field("Ext__c", FieldType.STRING, true, true, true, List.of(), null),
                field("Parent__c", FieldType.REFERENCE, true, true, false, List.of("Widget__c"), "Parent__r"),
                field("OwnerId", FieldType.REFERENCE, false, true, false, List.of("User"), "Owner"),
                // Checkboxes are never null; describe gives their default as "defaultValue".
                field("Active__c", FieldType.BOOLEAN, false, true, false, List.of(), null, "true"),
                field("Archived__c", FieldType.BOOLEAN, false, true, false, List.of(), null, "false"),
                field("CreatedDate", FieldType.DATETIME, false, false, false, List.of(), null),
                field("SystemModstamp", FieldType.DATETIME, false, false, false, List.of(), null)));
        return new SObjectType("Widget__c", "Widget", null, true, fields);
    }

    private List<DmlRowResult> insert(String header, String... rows) throws DmlJobFailure {
        List<String[]> cells = new ArrayList<>();
        for (String r : rows) {
            cells.add(r.split("\\|", -1));
        }
        return engine.prepare(new DmlRequest("Widget__c", DmlOperation.INSERT, List.of(header.split("\\|")), null,
                user)).write(cells);
    }

    @Test
    void customRelationshipResolvesParentByExternalId() throws Exception {
        DmlRowResult parent = insert("Name|Ext__c", "Root|W-1").get(0);
        assertThat(parent.id()).startsWith("a00");

        List<DmlRowResult> children = insert("Name|Parent__r.Ext__c", "Leaf|w-1", "Orphan|W-404");

        assertThat(children.get(0).success()).isTrue();
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement("SELECT "
                + SqlNames.column("Parent__c") + " FROM " + SqlNames.table("Widget__c") + " WHERE \"ID\" = ?")) {
            ps.setString(1, children.get(0).id());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(parent.id());
            }
        }
        assertThat(children.get(1).error()).isEqualTo("INVALID_FIELD:Foreign key external ID: W-404 not found for"
                + " field Ext__c in entity Widget__c:--");
    }

    @Test
    void customRequiredFieldIsEnforced() throws Exception {
        assertThat(insert("Ext__c", "W-2").get(0).error())
                .isEqualTo("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --");
    }

    @Test
    void leftOutCheckboxesTakeTheDefaultThatDescribeGives() throws Exception {
        List<DmlRowResult> results = insert("Name|Archived__c", "Defaults|", "Explicit|true");

        assertThat(results).allMatch(DmlRowResult::success);
        assertThat(stored(results.get(0).id(), "Active__c")).isTrue();
        assertThat(stored(results.get(0).id(), "Archived__c")).isFalse();
        assertThat(stored(results.get(1).id(), "Archived__c")).isTrue();
    }

    private boolean stored(String id, String field) throws Exception {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement("SELECT "
                + SqlNames.column(field) + " FROM " + SqlNames.table("Widget__c") + " WHERE \"ID\" = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        }
    }
}
