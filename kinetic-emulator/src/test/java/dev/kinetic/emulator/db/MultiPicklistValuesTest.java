package dev.kinetic.emulator.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.Schema;
import org.junit.jupiter.api.Test;

class MultiPicklistValuesTest {
    private static final FieldDef REGIONS = Schema.defaultOrg().find("Account").orElseThrow().field("Regions__c")
            .orElseThrow();

    @Test
    void itemsAreTrimmedWithoutEmptiesOrRepeats() {
        assertThat(MultiPicklistValues.items(" a ;;b; a;")).containsExactly("a", "b");
        assertThat(MultiPicklistValues.items("")).isEmpty();
    }

    @Test
    void normalizedValuesFollowTheFieldsOrderThenKeepUnknownOnes() {
        assertThat(MultiPicklistValues.normalize(REGIONS, "LATAM;Mars;EMEA;emea")).isEqualTo("EMEA;LATAM;Mars;emea");
        assertThat(MultiPicklistValues.normalize(REGIONS, "apac;amer")).isEqualTo("amer;apac");
        assertThat(MultiPicklistValues.normalize(REGIONS, " ; ")).isEmpty();
    }
}
