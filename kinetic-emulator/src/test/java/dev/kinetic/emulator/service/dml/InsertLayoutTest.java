package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsertLayoutTest {
    private static InsertLayout layout(String object, String... header) throws DmlJobFailure {
        return new InsertLayout(HeaderPlanner.plan(Schema.defaultOrg(), new DmlRequest(object, DmlOperation.INSERT,
                List.of(header), null, "005Kc0000000001IAA")));
    }

    private static InsertLayout.Slot slot(InsertLayout layout, String field) {
        return layout.slots().stream().filter(s -> s.field().name().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void composesNameFromFirstAndLastName() {
        assertThat(InsertLayout.composeName("Jane", "Doe")).isEqualTo("Jane Doe");
        assertThat(InsertLayout.composeName(null, "Doe")).isEqualTo("Doe");
        assertThat(InsertLayout.composeName("Jane", null)).isEqualTo("Jane");
        assertThat(InsertLayout.composeName(null, null)).isNull();
    }

    @Test
    void fillsSystemFieldsAndDefaults() throws Exception {
        InsertLayout layout = layout("Case", "Subject");
        assertThat(slot(layout, "Id").source()).isEqualTo(InsertLayout.Source.ID);
        assertThat(slot(layout, "CreatedDate").source()).isEqualTo(InsertLayout.Source.NOW);
        assertThat(slot(layout, "LastModifiedById").source()).isEqualTo(InsertLayout.Source.USER);
        assertThat(slot(layout, "OwnerId").source()).isEqualTo(InsertLayout.Source.OWNER);
        assertThat(slot(layout, "CaseNumber").source()).isEqualTo(InsertLayout.Source.AUTO_NUMBER);
        assertThat(slot(layout, "IsEscalated").constant()).isEqualTo(false);
        assertThat(slot(layout, "Status").constant()).isEqualTo("New");
        assertThat(layout.sql()).startsWith("INSERT INTO \"SOBJ_CASE\" (\"SUBJECT\", ");
    }

    @Test
    void composedNameOnlyWhereNameIsNotCreateable() throws Exception {
        assertThat(slot(layout("Contact", "LastName"), "Name").source()).isEqualTo(InsertLayout.Source.NAME);
        assertThat(layout("Account", "Name").slots()).filteredOn(s -> s.source() == InsertLayout.Source.NAME)
                .isEmpty();
    }
}
