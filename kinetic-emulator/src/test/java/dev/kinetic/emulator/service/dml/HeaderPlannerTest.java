package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.emulator.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderPlannerTest {
    private static final Schema SCHEMA = Schema.defaultOrg();
    private static final String USER = "005Kc0000000001IAA";

    private static JobPlan plan(String object, DmlOperation op, String key, String... header) throws DmlJobFailure {
        return HeaderPlanner.plan(SCHEMA, new DmlRequest(object, op, List.of(header), key, USER));
    }

    private static void failsWith(String message, String object, DmlOperation op, String key, String... header) {
        assertThatThrownBy(() -> plan(object, op, key, header)).isInstanceOf(DmlJobFailure.class)
                .hasMessage(message);
    }

    @Test
    void matchesHeaderNamesCaseInsensitivelyAndKeepsTheUploadedSpelling() throws Exception {
        JobPlan plan = plan("account", DmlOperation.INSERT, null, "name", "EXTERNAL_KEY__C", "id");
        assertThat(plan.type().name()).isEqualTo("Account");
        assertThat(plan.columns()).extracting(c -> c.field().name()).containsExactly("Name", "External_Key__c", "Id");
        assertThat(plan.columns()).extracting(ColumnPlan::header).containsExactly("name", "EXTERNAL_KEY__C", "id");
        assertThat(plan.idColumn()).isEqualTo(2);
    }

    @Test
    void resolvesRelationshipColumnsToTheReferenceFieldAndParentKey() throws Exception {
        JobPlan plan = plan("Contact", DmlOperation.INSERT, null, "LastName", "Account.External_Key__c",
                "owner.username", "ReportsTo.Email");
        ColumnPlan account = plan.columns().get(1);
        assertThat(account.isLookup()).isTrue();
        assertThat(account.field().name()).isEqualTo("AccountId");
        assertThat(account.parent().name()).isEqualTo("Account");
        assertThat(account.parentField().name()).isEqualTo("External_Key__c");
        assertThat(plan.columns().get(2).field().name()).isEqualTo("OwnerId");
        assertThat(plan.columns().get(3).parent().name()).isEqualTo("Contact");
    }

    @Test
    void acceptsTypedReferencesOnPolymorphicFields() throws Exception {
        JobPlan plan = plan("Lead", DmlOperation.INSERT, null, "LastName", "Company", "User:Owner.Username");
        assertThat(plan.columns().get(2).parent().name()).isEqualTo("User");
        assertThat(plan.columns().get(2).field().name()).isEqualTo("OwnerId");
    }

    @Test
    void rejectsUnknownObjectsAndFields() {
        failsWith("InvalidJob : Unable to find object: Widget__c", "Widget__c", DmlOperation.INSERT, null, "Name");
        failsWith("InvalidBatch : Field name not found : Foo", "Account", DmlOperation.INSERT, null, "Name", "Foo",
                "Bar");
        failsWith("InvalidBatch : Field name not found : Nope.Name", "Contact", DmlOperation.INSERT, null, "Nope.Name");
        failsWith("InvalidBatch : Field name not found : BillingAddress", "Account", DmlOperation.INSERT, null,
                "BillingAddress");
    }

    @Test
    void rejectsGrandparentPathsAndNonIndexedParentFields() {
        failsWith("InvalidBatch : Field name not found : Account.Owner.Email", "Contact", DmlOperation.INSERT, null,
                "Account.Owner.Email");
        failsWith("InvalidBatch : Field Name on Account is not an External Id or idLookup field: Account.Name",
                "Contact", DmlOperation.INSERT, null, "Account.Name");
    }

    @Test
    void rejectsTypeOnNonPolymorphicAndMissingTypeOnPolymorphicReferences() {
        failsWith("InvalidBatch : type is not needed for non polymorphic foreign key references: Parent", "Account",
                DmlOperation.INSERT, null, "Account:Parent.External_Key__c");
        failsWith("InvalidBatch : Missing type for polymorphic foreign key reference: Owner", "Lead",
                DmlOperation.INSERT, null, "Owner.Username");
    }

    @Test
    void rejectsTheSameFieldTwice() {
        failsWith("InvalidBatch : Duplicate field name found : name", "Account", DmlOperation.INSERT, null, "Name",
                "name");
    }

    @Test
    void upsertNeedsAnIdentifyingKeyThatIsInTheHeader() throws Exception {
        failsWith("InvalidJob : Invalid field for upsert, must be an External Id custom or standard indexed field:"
                + " Status__c", "Account", DmlOperation.UPSERT, "Status__c", "Status__c");
        failsWith("InvalidBatch : External ID field External_Key__c is missing from the header", "Account",
                DmlOperation.UPSERT, "External_Key__c", "Name");
        JobPlan plan = plan("Account", DmlOperation.UPSERT, "external_key__c", "Name", "External_Key__c");
        assertThat(plan.keyColumn()).isEqualTo(1);
        assertThat(plan.keyField().name()).isEqualTo("External_Key__c");
    }
}
