package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Multi-select picklists over raw HTTP, on the default schema's {@code Account.Regions__c} (restricted: EMEA, AMER,
 * APAC, LATAM) and {@code Account.Tags__c} (unrestricted: Red, Green, Blue).
 *
 * <p>Queries follow the SOQL and SOSL Reference, "Query Multi-Select Picklists": {@code =} and {@code !=} compare the
 * whole selection ("equal to AAA and BBB selected (exact match)"), {@code includes} and {@code excludes} take a list
 * whose items are ORed, and {@code ;} inside an item means AND ({@code includes ('AAA;BBB','CCC')}). How a written
 * value is stored (items trimmed, repeats dropped, the field's values in its order, unknown values of an
 * unrestricted field kept after them) is not in the documentation found; it is the local org's reading of how
 * Salesforce returns such values, and the restricted-picklist error follows the one for single-select picklists.
 */
class MultiPicklistHttpTest extends OrgHttpTest {
    private JsonNode written;

    @Override
    void seed() throws Exception {
        written = org.ingest("Account", "insert", "Name,Regions__c,Tags__c\n"
                + "m1,APAC;EMEA,\n"
                + "m2,AMER; AMER ;LATAM,\n"
                + "m3,EMEA,Blue;Purple;Red;Purple\n"
                + "m4,,\n"
                + "bad,EMEA;Mars,\n");
    }

    @Test
    void storesItemsInTheFieldsOrderWithoutRepeatsAndRefusesUnknownRestrictedValues() throws Exception {
        assertThat(org.rows("SELECT Name, Regions__c, Tags__c FROM Account ORDER BY Name")).containsExactly(
                List.of("Name", "Regions__c", "Tags__c"),
                List.of("m1", "EMEA;APAC", ""),
                List.of("m2", "AMER;LATAM", ""),
                List.of("m3", "EMEA", "Red;Blue;Purple"),
                List.of("m4", "", ""));
        assertThat(org.errorsBy(written, "Name")).containsExactlyEntriesOf(Map.of("bad",
                "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Regions: bad value for restricted picklist field: Mars"
                        + ":Regions__c --"));
    }

    @Test
    void includesOrsItsItemsAndAndsTheValuesInsideAnItem() throws Exception {
        assertThat(accountNames("Regions__c INCLUDES ('EMEA')")).containsExactly("m1", "m3");
        assertThat(accountNames("Regions__c INCLUDES ('apac', 'latam')")).containsExactly("m1", "m2");
        assertThat(accountNames("Regions__c INCLUDES ('EMEA;APAC')")).containsExactly("m1");
        assertThat(accountNames("Regions__c INCLUDES ('APAC;EMEA', 'AMER')")).containsExactly("m1", "m2");
        assertThat(accountNames("Tags__c INCLUDES ('Purple')")).containsExactly("m3");
        // EMEA must not match inside a longer value: items are whole.
        assertThat(accountNames("Regions__c INCLUDES ('EME')")).isEmpty();
    }

    @Test
    void excludesKeepsRecordsWithoutTheItemsIncludingEmptyOnes() throws Exception {
        assertThat(accountNames("Regions__c EXCLUDES ('EMEA')")).containsExactly("m2", "m4");
        assertThat(accountNames("Regions__c EXCLUDES ('EMEA;APAC')")).containsExactly("m2", "m3", "m4");
    }

    @Test
    void equalsComparesTheWholeSelectionInAnyOrder() throws Exception {
        assertThat(accountNames("Regions__c = 'EMEA;APAC'")).containsExactly("m1");
        assertThat(accountNames("Regions__c = 'apac;emea'")).containsExactly("m1");
        assertThat(accountNames("Regions__c = 'EMEA'")).containsExactly("m3");
        assertThat(accountNames("Regions__c != 'EMEA'")).containsExactly("m1", "m2", "m4");
        assertThat(accountNames("Regions__c = null")).containsExactly("m4");
    }

    @Test
    void refusesIncludesOnOtherFieldsAndOrderingByAMultiSelect() throws Exception {
        org.assertRefused("SELECT Id FROM Account WHERE Name INCLUDES ('x')", "INVALID_QUERY_FILTER_OPERATOR",
                "includes or excludes operator only valid on multipicklist field");
        org.assertRefused("SELECT Id FROM Account ORDER BY Regions__c", "INVALID_FIELD",
                "field 'Regions__c' can not be sorted in a query call");
    }
}
