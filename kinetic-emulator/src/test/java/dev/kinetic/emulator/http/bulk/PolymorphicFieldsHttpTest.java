package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.ids.SalesforceIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fields of polymorphic relationships in Bulk query jobs over raw HTTP. The default schema's polymorphic references
 * are {@code Case.OwnerId} and {@code Lead.OwnerId} (describe: {@code referenceTo} Group and User, relationship
 * {@code Owner}); the schema has User but not Group.
 *
 * <p>Follows the Object Reference's "Name" object (a polymorphic foreign key leads to it; its fields are those of the
 * Salesforce Field Reference page "Name": Alias, Email, FirstName, Id, IsActive, LastName, LastReferencedDate,
 * LastViewedDate, Name, NameOrAlias, Phone, ProfileId, RecordTypeId, Title, Type, UserRoleId, Username), the SOQL and
 * SOSL Reference's "Understanding Relationship Fields and Polymorphic Fields" ({@code What.Type} in WHERE), and the
 * Bulk API 2.0 guide's "Understanding Bulk API 2.0 Query" (TYPEOF is not supported).
 */
class PolymorphicFieldsHttpTest extends OrgHttpTest {
    private List<String> admin;

    @Override
    void seed() throws Exception {
        admin = org.rows("SELECT Id, Name, Alias, Email, Username, FirstName, LastName, IsActive FROM User").get(1);
        String queue = SalesforceIds.to18("00G000000000001");
        org.insert("Case", "Subject,OwnerId\nMine," + admin.get(0) + "\nQueued," + queue + "\n");
        org.insert("Lead", "LastName,Company\nLee,Acme\n");
    }

    @Test
    void selectsNameObjectFieldsFromTheTargetRecord() throws Exception {
        List<List<String>> rows = org.rows("SELECT Subject, Owner.Id, Owner.Name, Owner.Type, Owner.Alias,"
                + " Owner.Email, Owner.Username, Owner.FirstName, Owner.LastName, Owner.IsActive, Owner.NameOrAlias"
                + " FROM Case WHERE Subject = 'Mine'");
        assertThat(rows.get(0)).containsExactly("Subject", "Owner.Id", "Owner.Name", "Owner.Type", "Owner.Alias",
                "Owner.Email", "Owner.Username", "Owner.FirstName", "Owner.LastName", "Owner.IsActive",
                "Owner.NameOrAlias");
        assertThat(rows.get(1)).containsExactly("Mine", admin.get(0), admin.get(1), "User", admin.get(2),
                admin.get(3), admin.get(4), admin.get(5), admin.get(6), admin.get(7), admin.get(1));
        assertThat(admin.get(1)).isNotEmpty();
        assertThat(org.rows("SELECT LastName, Owner.Type, Owner.Name FROM Lead").get(1))
                .containsExactly("Lee", "User", admin.get(1));
    }

    @Test
    void anOwnerOfAnObjectTheSchemaLacksKeepsItsIdAndLeavesTheRestEmpty() throws Exception {
        assertThat(org.rows("SELECT Owner.Id, Owner.Name, Owner.Type FROM Case WHERE Subject = 'Queued'").get(1))
                .containsExactly(SalesforceIds.to18("00G000000000001"), "", "");
    }

    @Test
    void filtersAndSortsOnNameObjectFields() throws Exception {
        assertThat(org.column("SELECT Subject FROM Case WHERE Owner.Type = 'User'")).containsExactly("Mine");
        assertThat(org.column("SELECT Subject FROM Case WHERE Owner.Type IN ('Group', 'Queue')")).isEmpty();
        assertThat(org.column("SELECT Subject FROM Case WHERE Owner.Name = '" + admin.get(1) + "'"))
                .containsExactly("Mine");
        assertThat(org.column("SELECT Subject FROM Case ORDER BY Owner.Name NULLS LAST"))
                .containsExactly("Mine", "Queued");
    }

    @Test
    void refusesFieldsTheNameObjectDoesNotHave() throws Exception {
        org.assertRefused("SELECT Owner.Department FROM Case", "INVALID_FIELD",
                "No such column 'Department' on entity 'Name'.");
        org.assertRefused("SELECT Id FROM Case WHERE Owner.CompanyName = 'x'", "INVALID_FIELD",
                "No such column 'CompanyName' on entity 'Name'.");
        org.assertRefused("SELECT Owner.Profile.Name FROM Case", "INVALID_FIELD",
                "Didn't understand relationship 'Profile' in field path.");
    }

    @Test
    void refusesTypeofAsBulkApiDoes() throws Exception {
        org.assertRefused("SELECT TYPEOF Owner WHEN User THEN Email ELSE Name END FROM Case",
                "FUNCTIONALITY_NOT_ENABLED", "TYPEOF is not supported by Bulk API 2.0 query.");
    }
}
