package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowChecksTest {
    private static final Schema SCHEMA = Schema.defaultOrg();

    private static Row checked(String object, DmlOperation op, boolean insert, List<String> header, String... cells)
            throws Exception {
        JobPlan plan = HeaderPlanner.plan(SCHEMA, new DmlRequest(object, op, header, null, "005Kc0000000001IAA"));
        CellConverter converter = new CellConverter(SCHEMA, plan);
        Row row = new Row(cells, plan.width());
        for (ColumnPlan c : plan.columns()) {
            row.values[c.index()] = converter.convert(c, row.cell(c.index()));
        }
        row.insert = insert;
        new RowChecks(plan).check(List.of(row));
        return row;
    }

    @Test
    void insertListsEveryMissingRequiredFieldInDescribeOrder() throws Exception {
        Row row = checked("Opportunity", DmlOperation.INSERT, true, List.of("Description"), "x");
        assertThat(row.error).isEqualTo("REQUIRED_FIELD_MISSING:Required fields are missing: [Name, StageName,"
                + " CloseDate]:Name,StageName,CloseDate --");
    }

    @Test
    void insertTreatsNaLikeAMissingRequiredValue() throws Exception {
        assertThat(checked("Contact", DmlOperation.INSERT, true, List.of("LastName"), "#N/A").error)
                .isEqualTo("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --");
    }

    @Test
    void updateIgnoresRequiredFieldsThatAreLeftOut() throws Exception {
        assertThat(checked("Contact", DmlOperation.UPDATE, false, List.of("Id", "Title"), "", "CEO").ok()).isTrue();
    }

    @Test
    void emptyCellsOfReadOnlyFieldsAreNotAnError() throws Exception {
        assertThat(checked("Account", DmlOperation.INSERT, true, List.of("Name", "CreatedById"), "A", "").ok())
                .isTrue();
    }

    @Test
    void readOnlyFieldsWithValuesFailTheRow() throws Exception {
        Row row = checked("Contact", DmlOperation.UPDATE, false, List.of("Id", "Name", "LastName"), "", "Jane Doe",
                "Doe");
        assertThat(row.error).startsWith("INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: Name.")
                .endsWith(":Name --");
    }
}
