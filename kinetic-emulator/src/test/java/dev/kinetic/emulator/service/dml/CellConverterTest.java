package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.emulator.ids.SalesforceIds;
import dev.kinetic.emulator.schema.Schema;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellConverterTest {
    private static final Schema SCHEMA = Schema.defaultOrg();

    private static Object convert(String object, String field, String cell) throws Exception {
        JobPlan plan = HeaderPlanner.plan(SCHEMA, new DmlRequest(object, DmlOperation.INSERT, List.of(field), null,
                "005Kc0000000001IAA"));
        return new CellConverter(SCHEMA, plan).convert(plan.columns().get(0), cell);
    }

    private static void failsWith(String error, String object, String field, String cell) {
        assertThatThrownBy(() -> convert(object, field, cell)).isInstanceOf(RowFailure.class)
                .extracting(e -> ((RowFailure) e).sfError()).isEqualTo(error);
    }

    @Test
    void emptyCellSetsNothingAndNaSetsNull() throws Exception {
        assertThat(convert("Account", "Name", "")).isSameAs(Row.UNSET);
        assertThat(convert("Account", "Name", "#N/A")).isNull();
    }

    @Test
    void convertsValuesToTheirStoredTypes() throws Exception {
        assertThat(convert("Account", "AnnualRevenue", "912260031")).isEqualTo(9.12260031E8);
        assertThat(convert("Account", "NumberOfEmployees", "42")).isEqualTo(42);
        assertThat(convert("Contact", "Birthdate", "1980-02-03")).isEqualTo(LocalDate.of(1980, 2, 3));
        assertThat(convert("Lead", "IsUnreadByOwner", "TRUE")).isEqualTo(true);
    }

    @Test
    void normalizesIdsTo18Characters() throws Exception {
        String id = SalesforceIds.to18("001Kc0000000abc");
        assertThat(convert("Contact", "AccountId", id.substring(0, 15))).isEqualTo(id);
        assertThat(convert("Contact", "AccountId", id.substring(0, 15) + id.substring(15).toLowerCase()))
                .isEqualTo(id);
        failsWith("MALFORMED_ID:Account ID: id value of incorrect type: 001kc0000000abcIAA:AccountId --", "Contact",
                "AccountId", "001kc0000000abcIAA");
    }

    @Test
    void referenceToObjectsOutsideTheSchemaAcceptsForeignPrefixesButNotKnownOnes() throws Exception {
        String profile = SalesforceIds.to18("00eKc0000000001");
        assertThat(convert("User", "ProfileId", profile)).isEqualTo(profile);
        String account = SalesforceIds.to18("001Kc0000000001");
        failsWith("MALFORMED_ID:Profile ID: id value of incorrect type: " + account + ":ProfileId --", "User",
                "ProfileId", account);
    }

    @Test
    void rejectsBadValuesWithSalesforceErrors() {
        failsWith("INVALID_FIELD:Failed to deserialize field at col 0. Due to, 'tomorrow' is not a valid value for"
                + " the type xsd:date:CloseDate --", "Opportunity", "CloseDate", "tomorrow");
        failsWith("INVALID_EMAIL_ADDRESS:Email: invalid email address: a@b:Email --", "Contact", "Email", "a@b");
        failsWith("MALFORMED_ID:Account ID: id value of incorrect type: 001XYZ:AccountId --", "Contact", "AccountId",
                "001XYZ");
    }

    @Test
    void checksEmailSyntaxWithoutRegularExpressions() {
        assertThat(CellConverter.isEmail("jane.doe+tag@example.co.uk")).isTrue();
        assertThat(CellConverter.isEmail("jane@example")).isFalse();
        assertThat(CellConverter.isEmail("jane doe@example.com")).isFalse();
        assertThat(CellConverter.isEmail("jane@@example.com")).isFalse();
        assertThat(CellConverter.isEmail("@example.com")).isFalse();
        assertThat(CellConverter.isEmail("jane@example.com.")).isFalse();
    }
}
