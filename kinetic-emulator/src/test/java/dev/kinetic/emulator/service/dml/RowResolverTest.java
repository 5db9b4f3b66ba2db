package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RowResolverTest {
    private final TestOrg org = new TestOrg();

    @AfterEach
    void close() {
        org.close();
    }

    private Row row(JobPlan plan, String... cells) throws Exception {
        CellConverter converter = new CellConverter(org.database.schema(), plan);
        Row row = new Row(cells, plan.width());
        for (ColumnPlan c : plan.columns()) {
            String cell = row.cell(c.index());
            row.values[c.index()] = c.isLookup() ? (cell.isEmpty() ? Row.UNSET : cell) : converter.convert(c, cell);
        }
        return row;
    }

    private JobPlan plan(String object, DmlOperation op, String key, String... header) throws DmlJobFailure {
        return HeaderPlanner.plan(org.database.schema(), new DmlRequest(object, op, List.of(header), key,
                org.userId));
    }

    @Test
    void upsertKeysDecideBetweenInsertAndUpdate() throws Exception {
        String id = org.insert("Account", "Name|External_Key__c", "A|K-1").get(0);
        JobPlan plan = plan("Account", DmlOperation.UPSERT, "External_Key__c", "External_Key__c");
        List<Row> rows = List.of(row(plan, "k-1"), row(plan, "K-2"), row(plan, ""));
        try (Connection c = org.database.connection()) {
            new RowResolver(org.database.schema(), plan, c).resolveUpsertKeys(rows);
        }
        assertThat(rows.get(0).insert).isFalse();
        assertThat(rows.get(0).id).isEqualTo(id);
        assertThat(rows.get(1).insert).isTrue();
        assertThat(rows.get(2).insert).isTrue();
    }

    @Test
    void lookupsReplaceTheCellWithTheParentId() throws Exception {
        String id = org.insert("Account", "Name|External_Key__c", "A|K-1").get(0);
        JobPlan plan = plan("Contact", DmlOperation.INSERT, null, "Account.External_Key__c");
        List<Row> rows = List.of(row(plan, "K-1"), row(plan, "K-9"));
        try (Connection c = org.database.connection()) {
            new RowResolver(org.database.schema(), plan, c).resolveLookups(rows);
        }
        assertThat(rows.get(0).values[0]).isEqualTo(id);
        assertThat(rows.get(1).error).startsWith("INVALID_FIELD:Foreign key external ID: K-9 not found");
    }

    @Test
    void hardDeleteAcceptsRecycledRecordsButDeleteDoesNot() throws Exception {
        String id = org.insert("Account", "Name", "A").get(0);
        org.run(DmlOperation.DELETE, "Account", "Id", id);
        JobPlan plan = plan("Account", DmlOperation.HARD_DELETE, null, "Id");
        Row hard = row(plan, id);
        Row soft = row(plan, id);
        try (Connection c = org.database.connection()) {
            RowResolver resolver = new RowResolver(org.database.schema(), plan, c);
            resolver.resolveIds(List.of(hard), true);
            resolver.resolveIds(List.of(soft), false);
        }
        assertThat(hard.ok()).isTrue();
        assertThat(soft.error).isEqualTo("ENTITY_IS_DELETED:entity is deleted:--");
    }

    @Test
    void loadsExistingNamePartsForUpdates() throws Exception {
        String id = org.insert("Contact", "FirstName|LastName", "Jane|Doe").get(0);
        JobPlan plan = plan("Contact", DmlOperation.UPDATE, null, "Id", "LastName");
        Row row = row(plan, id, "Smith");
        row.id = id;
        try (Connection c = org.database.connection()) {
            new RowResolver(org.database.schema(), plan, c).loadNames(List.of(row));
        }
        assertThat(row.existingFirstName).isEqualTo("Jane");
        assertThat(row.existingLastName).isEqualTo("Doe");
    }
}
