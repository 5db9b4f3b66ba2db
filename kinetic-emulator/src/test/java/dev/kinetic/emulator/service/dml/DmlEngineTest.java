package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.emulator.ids.SalesforceIds;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DmlEngineTest {
    private final TestOrg org = new TestOrg();

    @AfterEach
    void close() {
        org.close();
    }

    @Test
    void insertCreatesRecordsWithSystemFieldsAndChecksummedIds() throws Exception {
        List<DmlRowResult> results = org.run(DmlOperation.INSERT, "Account", "Name|NumberOfEmployees",
                "Acme|30", "Globex|");

        assertThat(results).allSatisfy(r -> {
            assertThat(r.success()).isTrue();
            assertThat(r.created()).isTrue();
            assertThat(r.error()).isNull();
            assertThat(r.id()).hasSize(18).startsWith("001");
            assertThat(SalesforceIds.normalize(r.id())).isEqualTo(r.id());
        });
        String id = results.get(0).id();
        LocalDateTime now = LocalDateTime.parse("2026-11-28T10:15:30.123");
        assertThat(((Timestamp) org.field("Account", id, "CreatedDate")).toLocalDateTime()).isEqualTo(now);
        assertThat(((Timestamp) org.field("Account", id, "LastModifiedDate")).toLocalDateTime()).isEqualTo(now);
        assertThat(((Timestamp) org.field("Account", id, "SystemModstamp")).toLocalDateTime()).isEqualTo(now);
        assertThat(org.field("Account", id, "CreatedById")).isEqualTo(org.userId);
        assertThat(org.field("Account", id, "LastModifiedById")).isEqualTo(org.userId);
        assertThat(org.field("Account", id, "OwnerId")).isEqualTo(org.userId);
        assertThat(org.field("Account", id, "IsDeleted")).isEqualTo(false);
        assertThat(org.field("Account", id, "Name")).isEqualTo("Acme");
        assertThat(org.field("Account", results.get(1).id(), "NumberOfEmployees")).isNull();
    }

    @Test
    void successRowsEchoValuesAsStored() throws Exception {
        List<DmlRowResult> results = org.run(DmlOperation.INSERT, "Account", "name|AnnualRevenue|IsPartner",
                "Lorem|912260031|");
        assertThat(results.get(0).echoed()).containsExactly("Lorem", "9.12260031E8", "");

        String contact = org.run(DmlOperation.INSERT, "Contact", "LastName|EmailBouncedDate|Birthdate",
                "Doe|2024-01-02T10:00:00+05:00|1980-02-03").get(0).echoed().toString();
        assertThat(contact).isEqualTo("[Doe, 2024-01-02T05:00:00.000Z, 1980-02-03]");
    }

    @Test
    void booleansEchoAsTrueOrFalseAndDefaultToFalse() throws Exception {
        List<DmlRowResult> results = org.run(DmlOperation.INSERT, "Lead", "LastName|Company|IsUnreadByOwner",
                "Doe|Acme|1", "Roe|Acme|");
        assertThat(results.get(0).echoed()).containsExactly("Doe", "Acme", "true");
        assertThat(org.field("Lead", results.get(0).id(), "IsUnreadByOwner")).isEqualTo(true);
        assertThat(org.field("Lead", results.get(1).id(), "IsUnreadByOwner")).isEqualTo(false);
        assertThat(org.field("Lead", results.get(1).id(), "IsConverted")).isEqualTo(false);
    }

    @Test
    void defaultedPicklistTakesTheDescribeDefault() throws Exception {
        String id = org.insert("Lead", "LastName|Company", "Doe|Acme").get(0);
        assertThat(org.field("Lead", id, "Status")).isEqualTo("Open - Not Contacted");
    }

    @Test
    void failedRowEchoesUploadedTextAndHasNoId() throws Exception {
        DmlRowResult r = org.run(DmlOperation.INSERT, "Account", "Name|BillingState", "|CA").get(0);
        assertThat(r.success()).isFalse();
        assertThat(r.id()).isEmpty();
        assertThat(r.created()).isFalse();
        assertThat(r.error()).isEqualTo("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --");
        assertThat(r.echoed()).containsExactly("", "CA");
    }

    @Test
    void rowFailuresDoNotStopTheOtherRows() throws Exception {
        List<DmlRowResult> results = org.run(DmlOperation.INSERT, "Account", "Name", "A", "", "C");
        assertThat(results).extracting(DmlRowResult::success).containsExactly(true, false, true);
        assertThat(org.count("Account")).isEqualTo(2);
    }

    @Test
    void contactNameIsComposedOnInsertAndUpdate() throws Exception {
        List<String> ids = org.insert("Contact", "FirstName|LastName", "Jane|Doe", "|Solo");
        assertThat(org.field("Contact", ids.get(0), "Name")).isEqualTo("Jane Doe");
        assertThat(org.field("Contact", ids.get(1), "Name")).isEqualTo("Solo");

        List<DmlRowResult> updated = org.run(DmlOperation.UPDATE, "Contact", "Id|LastName", ids.get(0) + "|Smith");
        assertThat(updated.get(0).success()).isTrue();
        assertThat(org.field("Contact", ids.get(0), "Name")).isEqualTo("Jane Smith");
    }

    @Test
    void emptyCellLeavesFieldUnchangedAndNaSetsNull() throws Exception {
        String id = org.insert("Account", "Name|Status__c|Website", "Acme|Active|acme.com").get(0);

        DmlRowResult r = org.run(DmlOperation.UPDATE, "Account", "Id|Status__c|Website", id + "||#N/A").get(0);

        assertThat(r.success()).as(r.error()).isTrue();
        assertThat(r.created()).isFalse();
        assertThat(r.echoed()).containsExactly(id, "", "#N/A");
        assertThat(org.field("Account", id, "Status__c")).isEqualTo("Active");
        assertThat(org.field("Account", id, "Website")).isNull();
    }

    @Test
    void settingARequiredFieldToNullFailsTheUpdate() throws Exception {
        String id = org.insert("Account", "Name", "Acme").get(0);
        DmlRowResult r = org.run(DmlOperation.UPDATE, "Account", "Id|Name", id + "|#N/A").get(0);
        assertThat(r.error()).isEqualTo("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --");
        assertThat(r.id()).isEqualTo(id);
        assertThat(org.field("Account", id, "Name")).isEqualTo("Acme");
    }

    @Test
    void updateStampsLastModifiedButKeepsCreated() throws Exception {
        String id = org.insert("Account", "Name", "Acme").get(0);
        org.run(DmlOperation.UPDATE, "Account", "Id|Name", id + "|Acme 2");
        assertThat(org.field("Account", id, "Name")).isEqualTo("Acme 2");
        assertThat(org.field("Account", id, "LastModifiedById")).isEqualTo(org.userId);
    }

    @Test
    void updateAccepts15CharacterIdsAndAnswersWith18() throws Exception {
        String id = org.insert("Account", "Name", "Acme").get(0);
        DmlRowResult r = org.run(DmlOperation.UPDATE, "Account", "Id|Name", id.substring(0, 15) + "|X").get(0);
        assertThat(r.success()).isTrue();
        assertThat(r.id()).isEqualTo(id);
    }

    @Test
    void updateWithoutIdFailsEachRow() throws Exception {
        DmlRowResult r = org.run(DmlOperation.UPDATE, "Account", "Name", "Acme").get(0);
        assertThat(r.error()).isEqualTo("MISSING_ARGUMENT:Id not specified in an update call:--");
    }

    @Test
    void upsertInsertsUnknownKeysAndUpdatesKnownOnes() throws Exception {
        String id = org.insert("Account", "Name|External_Key__c", "Old|K-1").get(0);

        List<DmlRowResult> results = org.upsert("Account", "External_Key__c", "External_Key__c|Name",
                "k-1|Renamed", "K-2|New");

        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(0).created()).isFalse();
        assertThat(results.get(0).id()).isEqualTo(id);
        assertThat(results.get(1).created()).isTrue();
        assertThat(results.get(1).id()).isNotEqualTo(id).startsWith("001");
        assertThat(org.field("Account", id, "Name")).isEqualTo("Renamed");
        assertThat(org.field("Account", id, "External_Key__c")).isEqualTo("K-1");
        assertThat(org.count("Account")).isEqualTo(2);
    }

    @Test
    void upsertByIdUpdatesAndBlankIdInserts() throws Exception {
        String id = org.insert("Account", "Name", "Old").get(0);
        List<DmlRowResult> results = org.upsert("Account", "Id", "Id|Name", id + "|New", "|Fresh");
        assertThat(results).extracting(DmlRowResult::created).containsExactly(false, true);
        assertThat(org.field("Account", id, "Name")).isEqualTo("New");
    }

    @Test
    void upsertKeyRepeatedInOneBatchFailsTheLaterRow() throws Exception {
        List<DmlRowResult> results = org.upsert("Account", "External_Key__c", "External_Key__c|Name",
                "K-1|First", "k-1|Second");
        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(1).error())
                .isEqualTo("DUPLICATE_EXTERNAL_ID:Duplicate external id specified: k-1:External_Key__c --");
    }

    @Test
    void upsertKeyMatchingSeveralRecordsFailsWithDuplicateExternalId() throws Exception {
        List<String> ids = org.insert("Contact", "LastName|Email", "A|dup@example.com", "B|DUP@example.com");
        DmlRowResult r = org.upsert("Contact", "Email", "Email|LastName", "dup@example.com|C").get(0);
        assertThat(r.error()).startsWith("DUPLICATE_EXTERNAL_ID:Email: more than one record found for external id"
                + " field: [").endsWith("]:Email --").contains(ids.get(0), ids.get(1));
    }

    @Test
    void duplicateUniqueValueFailsAgainstSavedRecordsCaseInsensitively() throws Exception {
        String id = org.insert("Account", "Name|External_Key__c", "A|Key-1").get(0);
        DmlRowResult r = org.run(DmlOperation.INSERT, "Account", "Name|External_Key__c", "B|KEY-1").get(0);
        assertThat(r.error()).isEqualTo("DUPLICATE_VALUE:duplicate value found: External_Key__c duplicates value on"
                + " record with id: " + id + ":--");
    }

    @Test
    void duplicateUniqueValueFailsWithinOneBatch() throws Exception {
        List<DmlRowResult> results = org.run(DmlOperation.INSERT, "Account", "Name|External_Key__c", "A|K", "B|k");
        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(1).error()).isEqualTo("DUPLICATE_VALUE:duplicate value found: External_Key__c"
                + " duplicates value on record with id: " + results.get(0).id() + ":--");
    }

    @Test
    void tooLongTextFailsWithStringTooLong() throws Exception {
        String name = "x".repeat(256);
        DmlRowResult r = org.run(DmlOperation.INSERT, "Account", "Name", name).get(0);
        assertThat(r.error()).isEqualTo("STRING_TOO_LONG:Account Name: data value too large: " + name
                + " (max length=255):Name --");
    }

    @Test
    void badNumberFailsWithInvalidType() throws Exception {
        DmlRowResult r = org.run(DmlOperation.INSERT, "Account", "Name|NumberOfEmployees", "A|250.0").get(0);
        assertThat(r.error()).isEqualTo("INVALID_TYPE_ON_FIELD_IN_RECORD:Employees: value not of required type:"
                + " 250.0:NumberOfEmployees --");
    }

    @Test
    void badEmailFailsWithInvalidEmailAddress() throws Exception {
        DmlRowResult r = org.run(DmlOperation.INSERT, "Contact", "LastName|Email", "Doe|not-an-email").get(0);
        assertThat(r.error()).isEqualTo("INVALID_EMAIL_ADDRESS:Email: invalid email address: not-an-email:Email --");
    }

    @Test
    void unknownValueOfRestrictedPicklistFails() throws Exception {
        DmlRowResult r = org.run(DmlOperation.INSERT, "Account", "Name|CleanStatus", "A|Bogus").get(0);
        assertThat(r.error()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Clean Status: bad value for"
                + " restricted picklist field: Bogus:CleanStatus --");
    }

    @Test
    void malformedIdsAndIdsOfAnotherObjectFailWithMalformedId() throws Exception {
        String contact = org.insert("Contact", "LastName", "Doe").get(0);
        List<DmlRowResult> results = org.run(DmlOperation.UPDATE, "Account", "Id|Name", "xyz|A", contact + "|B");
        assertThat(results.get(0).error()).isEqualTo("MALFORMED_ID:Account ID: id value of incorrect type: xyz:Id --");
        assertThat(results.get(1).error())
                .isEqualTo("MALFORMED_ID:Account ID: id value of incorrect type: " + contact + ":Id --");

        DmlRowResult ref = org.run(DmlOperation.INSERT, "Contact", "LastName|AccountId", "Doe|" + contact).get(0);
        assertThat(ref.error())
                .isEqualTo("MALFORMED_ID:Account ID: id value of incorrect type: " + contact + ":AccountId --");
    }

    @Test
    void unknownIdsFailWithInvalidCrossReferenceKey() throws Exception {
        String missing = org.database.ids().next("001");
        DmlRowResult update = org.run(DmlOperation.UPDATE, "Account", "Id|Name", missing + "|A").get(0);
        assertThat(update.error()).isEqualTo("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");
        assertThat(update.id()).isEqualTo(missing);

        DmlRowResult ref = org.run(DmlOperation.INSERT, "Contact", "LastName|AccountId", "Doe|" + missing).get(0);
        assertThat(ref.error()).isEqualTo("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");

        DmlRowResult delete = org.run(DmlOperation.DELETE, "Account", "Id", missing).get(0);
        assertThat(delete.error()).isEqualTo("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");
    }

    @Test
    void referenceByIdToAnExistingRecordIsSaved() throws Exception {
        String account = org.insert("Account", "Name", "Acme").get(0);
        String contact = org.insert("Contact", "LastName|AccountId", "Doe|" + account).get(0);
        assertThat(org.field("Contact", contact, "AccountId")).isEqualTo(account);
    }

    @Test
    void deleteMovesToRecycleBinAndLaterWritesFailWithEntityIsDeleted() throws Exception {
        String id = org.insert("Account", "Name", "Acme").get(0);

        DmlRowResult deleted = org.run(DmlOperation.DELETE, "Account", "Id", id).get(0);

        assertThat(deleted.success()).isTrue();
        assertThat(deleted.created()).isFalse();
        assertThat(deleted.id()).isEqualTo(id);
        assertThat(deleted.echoed()).containsExactly(id);
        assertThat(org.field("Account", id, "IsDeleted")).isEqualTo(true);
        assertThat(org.run(DmlOperation.UPDATE, "Account", "Id|Name", id + "|B").get(0).error())
                .isEqualTo("ENTITY_IS_DELETED:entity is deleted:--");
        assertThat(org.run(DmlOperation.DELETE, "Account", "Id", id).get(0).error())
                .isEqualTo("ENTITY_IS_DELETED:entity is deleted:--");
    }

    @Test
    void recycledRecordsReleaseTheirUniqueValuesAndUpsertKeys() throws Exception {
        String id = org.insert("Account", "Name|External_Key__c", "A|K-1").get(0);
        org.run(DmlOperation.DELETE, "Account", "Id", id);

        DmlRowResult r = org.upsert("Account", "External_Key__c", "External_Key__c|Name", "K-1|B").get(0);

        assertThat(r.created()).isTrue();
        assertThat(r.id()).isNotEqualTo(id);
    }

    @Test
    void hardDeleteRemovesLiveAndRecycledRecords() throws Exception {
        List<String> ids = org.insert("Account", "Name", "A", "B");
        org.run(DmlOperation.DELETE, "Account", "Id", ids.get(1));

        List<DmlRowResult> results = org.run(DmlOperation.HARD_DELETE, "Account", "Id", ids.get(0), ids.get(1));

        assertThat(results).extracting(DmlRowResult::success).containsExactly(true, true);
        assertThat(results).extracting(DmlRowResult::created).containsExactly(false, false);
        assertThat(org.exists("Account", ids.get(0))).isFalse();
        assertThat(org.exists("Account", ids.get(1))).isFalse();
    }

    @Test
    void relationshipColumnResolvesParentByExternalId() throws Exception {
        String account = org.insert("Account", "Name|External_Key__c", "Acme|ACME-1").get(0);

        List<DmlRowResult> results = org.run(DmlOperation.INSERT, "Contact", "LastName|Account.External_Key__c",
                "Doe|acme-1", "Roe|nope");

        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(0).echoed()).containsExactly("Doe", "acme-1");
        assertThat(org.field("Contact", results.get(0).id(), "AccountId")).isEqualTo(account);
        assertThat(results.get(1).error()).isEqualTo("INVALID_FIELD:Foreign key external ID: nope not found for field"
                + " External_Key__c in entity Account:--");
    }

    @Test
    void ownerIsSetByEmailOrUsernameOrIdAndDefaultsToTheJobUser() throws Exception {
        String owner = org.user("owner@example.com", "boss@example.com");
        List<String> ids = org.insert("Account", "Name|Owner.Email", "A|boss@example.com");
        ids.addAll(org.insert("Account", "Name|Owner.Username", "B|owner@example.com"));
        ids.addAll(org.insert("Account", "Name|OwnerId", "C|" + owner, "D|"));
        assertThat(org.field("Account", ids.get(0), "OwnerId")).isEqualTo(owner);
        assertThat(org.field("Account", ids.get(1), "OwnerId")).isEqualTo(owner);
        assertThat(org.field("Account", ids.get(2), "OwnerId")).isEqualTo(owner);
        assertThat(org.field("Account", ids.get(3), "OwnerId")).isEqualTo(org.userId);
    }

    @Test
    void caseNumbersAreAutoNumberedWithEightDigits() throws Exception {
        List<String> ids = org.insert("Case", "Subject", "One", "Two");
        assertThat(List.of(org.field("Case", ids.get(0), "CaseNumber"), org.field("Case", ids.get(1), "CaseNumber")))
                .containsExactlyInAnyOrder("00001001", "00001002");
        String third = org.insert("Case", "Subject", "Three").get(0);
        assertThat(org.field("Case", third, "CaseNumber")).isEqualTo("00001003");
    }

    @Test
    void nonCreateableAndNonUpdateableFieldsFailTheRow() throws Exception {
        DmlRowResult insert = org.run(DmlOperation.INSERT, "Account", "Name|IsDeleted", "A|true").get(0);
        assertThat(insert.error()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields:"
                + " IsDeleted. Please check the security settings of this field and verify that it is read/write for"
                + " your profile or permission set.:IsDeleted --");

        String lead = org.insert("Lead", "LastName|Company|IsConverted", "Doe|Acme|false").get(0);
        DmlRowResult update = org.run(DmlOperation.UPDATE, "Lead", "Id|IsConverted", lead + "|true").get(0);
        assertThat(update.error()).startsWith("INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields:"
                + " IsConverted.").endsWith(":IsConverted --");
    }

    @Test
    void idOnInsertFailsTheRow() throws Exception {
        String id = org.database.ids().next("001");
        DmlRowResult r = org.run(DmlOperation.INSERT, "Account", "Id|Name", id + "|A").get(0);
        assertThat(r.error()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE:cannot specify Id in an insert call:Id --");
    }

    @Test
    void unknownObjectFailsTheJob() {
        assertThatThrownBy(() -> org.run(DmlOperation.INSERT, "Nope__c", "Name", "A"))
                .isInstanceOf(DmlJobFailure.class).hasMessage("InvalidJob : Unable to find object: Nope__c");
    }

    @Test
    void unknownColumnFailsTheJobNamingTheFirstOnly() {
        assertThatThrownBy(() -> org.run(DmlOperation.INSERT, "Account", "Name|Foo|Bar", "A|b|c"))
                .isInstanceOf(DmlJobFailure.class).hasMessage("InvalidBatch : Field name not found : Foo");
    }

    @Test
    void upsertWithoutItsKeyColumnFailsTheJob() {
        assertThatThrownBy(() -> org.upsert("Account", "External_Key__c", "Name", "A"))
                .isInstanceOf(DmlJobFailure.class).hasMessageContaining("External_Key__c");
        assertThatThrownBy(() -> org.upsert("Account", "Name", "Name", "A"))
                .isInstanceOf(DmlJobFailure.class).hasMessage("InvalidJob : Invalid field for upsert, must be an"
                        + " External Id custom or standard indexed field: Name");
    }
}
