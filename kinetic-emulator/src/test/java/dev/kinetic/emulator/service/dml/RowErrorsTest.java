package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowErrorsTest {
    @Test
    void fieldsFollowTheMessageAndEndWithSpaceDashes() {
        assertThat(RowErrors.requiredMissing(List.of("Product__c", "Broker__c"))).isEqualTo(
                "REQUIRED_FIELD_MISSING:Required fields are missing: [Product__c, Broker__c]:Product__c,Broker__c --");
    }

    @Test
    void noFieldsEndWithColonDashes() {
        assertThat(RowErrors.crossReference()).isEqualTo("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");
        assertThat(RowErrors.entityDeleted()).isEqualTo("ENTITY_IS_DELETED:entity is deleted:--");
    }

    @Test
    void missingIdNamesTheCall() {
        assertThat(RowErrors.missingId(DmlOperation.UPDATE))
                .isEqualTo("MISSING_ARGUMENT:Id not specified in an update call:--");
        assertThat(RowErrors.missingId(DmlOperation.HARD_DELETE))
                .isEqualTo("MISSING_ARGUMENT:Id not specified in a delete call:--");
    }

    @Test
    void notWritableListsEveryField() {
        assertThat(RowErrors.notWritable(List.of("IsDeleted", "CreatedById"))).isEqualTo(
                "INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: IsDeleted, CreatedById. Please check"
                        + " the security settings of this field and verify that it is read/write for your profile or"
                        + " permission set.:IsDeleted,CreatedById --");
    }
}
