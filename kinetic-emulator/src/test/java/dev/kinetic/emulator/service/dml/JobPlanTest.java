package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobPlanTest {
    private static JobPlan plan(String object, String... header) throws DmlJobFailure {
        return HeaderPlanner.plan(Schema.defaultOrg(), new DmlRequest(object, DmlOperation.UPDATE, List.of(header),
                null, "005Kc0000000001IAA"));
    }

    @Test
    void knowsWhichObjectsComposeTheirName() throws Exception {
        assertThat(plan("Contact", "Id").composesName()).isTrue();
        assertThat(plan("Lead", "Id").composesName()).isTrue();
        assertThat(plan("User", "Id").composesName()).isTrue();
        assertThat(plan("Account", "Id").composesName()).isFalse();
    }

    @Test
    void knowsWhichObjectsHaveARecycleBin() throws Exception {
        assertThat(plan("Account", "Id").hasRecycleBin()).isTrue();
        assertThat(plan("User", "Id").hasRecycleBin()).isFalse();
    }

    @Test
    void findsTheColumnWritingAField() throws Exception {
        JobPlan plan = plan("Contact", "Id", "lastname", "Account.External_Key__c");
        assertThat(plan.columnOf("LastName")).isEqualTo(1);
        assertThat(plan.columnOf("AccountId")).isEqualTo(2);
        assertThat(plan.columnOf("FirstName")).isEqualTo(-1);
        assertThat(plan.width()).isEqualTo(3);
    }
}
