package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AutoNumbersTest {
    private final TestOrg org = new TestOrg();

    @AfterEach
    void close() {
        org.close();
    }

    @Test
    void handsOutConsecutiveEightDigitNumbersFrom1001() throws Exception {
        SObjectType cases = org.database.schema().find("Case").orElseThrow();
        FieldDef caseNumber = cases.field("CaseNumber").orElseThrow();
        try (Connection c = org.database.connection()) {
            AutoNumbers.ensure(c, cases);
            assertThat(AutoNumbers.next(c, cases, caseNumber, 3)).containsExactlyInAnyOrder("00001001", "00001002",
                    "00001003");
            AutoNumbers.ensure(c, cases);
            assertThat(AutoNumbers.next(c, cases, caseNumber, 1)).containsExactly("00001004");
            assertThat(AutoNumbers.next(c, cases, caseNumber, 0)).isEmpty();
        }
    }
}
