package dev.kinetic.emulator.http.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrgHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /sobjects/{object}/{id}} over raw HTTP, following the REST API Developer Guide's "Get Records Using
 * sObject Rows" (resources_sobject_retrieve_get.htm) and "Get Field Values from a Standard Object Record"
 * (dome_get_field_values.htm: every field without {@code fields}, 400 for a field that does not exist).
 */
class RecordRowsHttpTest extends RestOrgTestBase {
    private static String acmeId;
    private static String annId;

    @BeforeAll
    static void seedRecords() {
        acmeId = seed("Account", "[{\"Name\":\"Acme\",\"NumberOfEmployees\":50,\"AnnualRevenue\":1234.5,"
                + "\"External_Key__c\":\"A-1\"}]").get(0);
        annId = seed("Contact", "[{\"LastName\":\"Ann\",\"AccountId\":\"" + acmeId + "\"}]").get(0);
    }

    @Test
    void recordHasAttributesThenEveryFieldTypedAsTheRestQueryTypesIt() {
        HttpResponse<String> r = http.get(V + "/sobjects/Account/" + acmeId, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode acme = LocalOrgHttp.parse(r);
        assertThat(keys(acme).get(0)).isEqualTo("attributes");
        assertThat(acme.path("attributes").path("type").asText()).isEqualTo("Account");
        assertThat(acme.path("attributes").path("url").asText()).isEqualTo(V + "/sobjects/Account/" + acmeId);
        assertThat(acme.path("Id").asText()).isEqualTo(acmeId);
        assertThat(acme.path("Name").asText()).isEqualTo("Acme");
        assertThat(acme.path("NumberOfEmployees").isIntegralNumber()).isTrue();
        assertThat(acme.path("NumberOfEmployees").asInt()).isEqualTo(50);
        assertThat(acme.path("AnnualRevenue").isNumber()).isTrue();
        assertThat(acme.path("AnnualRevenue").decimalValue()).isEqualByComparingTo("1234.5");
        assertThat(acme.path("IsDeleted").isBoolean()).isTrue();
        assertThat(acme.path("IsDeleted").asBoolean()).isFalse();
        assertThat(acme.path("CreatedDate").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(acme.has("Phone")).isTrue();
        assertThat(acme.path("Phone").isNull()).isTrue();
        assertThat(acme.path("OwnerId").asText()).isEqualTo(org.adminUserId());
    }

    @Test
    void everyStandardObjectReadsWithAllItsFields() {
        assertThat(http.get(V + "/sobjects/Contact/" + annId, token).statusCode()).isEqualTo(200);
        JsonNode admin = LocalOrgHttp.parse(http.get(V + "/sobjects/User/" + org.adminUserId(), token));
        assertThat(admin.path("Username").asText()).isEqualTo(org.credentials().username());
        assertThat(admin.path("IsActive").isBoolean()).isTrue();
        for (String object : new String[] {"Lead", "Opportunity", "Case"}) {
            String json = switch (object) {
                case "Lead" -> "[{\"LastName\":\"Lee\",\"Company\":\"Leads Inc\"}]";
                case "Opportunity" -> "[{\"Name\":\"Big\",\"StageName\":\"Prospecting\",\"CloseDate\":\"2026-03-01\"}]";
                default -> "[{\"Subject\":\"Broken\"}]";
            };
            String id = seed(object, json).get(0);
            HttpResponse<String> r = http.get(V + "/sobjects/" + object + "/" + id, token);
            assertThat(r.statusCode()).as(object + ": " + r.body()).isEqualTo(200);
            assertThat(LocalOrgHttp.parse(r).path("Id").asText()).isEqualTo(id);
        }
    }

    @Test
    void fieldsParameterGivesTheAskedFieldsInOrderThenTheId() {
        HttpResponse<String> r = http.get(V + "/sobjects/Account/" + acmeId + "?fields=numberofemployees,Name,name",
                token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode acme = LocalOrgHttp.parse(r);
        assertThat(keys(acme)).containsExactly("attributes", "NumberOfEmployees", "Name", "Id");
        assertThat(acme.path("Id").asText()).isEqualTo(acmeId);
        assertThat(acme.path("NumberOfEmployees").asInt()).isEqualTo(50);

        JsonNode withId = LocalOrgHttp.parse(http.get(V + "/sobjects/Contact/" + annId + "?fields=Id,AccountId",
                token));
        assertThat(keys(withId)).containsExactly("attributes", "Id", "AccountId");
        assertThat(withId.path("AccountId").asText()).isEqualTo(acmeId);
    }

    @Test
    void fifteenCharacterIdsReadTheRecordWithItsEighteenCharacterId() {
        JsonNode acme = LocalOrgHttp.parse(http.get(V + "/sobjects/Account/" + acmeId.substring(0, 15), token));
        assertThat(acme.path("Id").asText()).isEqualTo(acmeId);
    }

    @Test
    void unknownFieldAnswers400InvalidFieldInSalesforcesErrorShape() {
        HttpResponse<String> r = http.get(V + "/sobjects/Account/" + acmeId + "?fields=Name,Nope__c", token);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = LocalOrgHttp.parse(r).get(0);
        assertThat(keys(error)).containsExactly("message", "errorCode", "fields");
        assertThat(error.path("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(error.path("message").asText()).contains("No such column 'Nope__c' on entity 'Account'");
    }

    @Test
    void unknownIdOtherObjectsIdAndUnknownObjectAnswer404NotFound() {
        assertNotFound(http.get(V + "/sobjects/Account/001000000000000AAA", token),
                "The requested resource does not exist");
        assertNotFound(http.get(V + "/sobjects/Account/" + annId, token), "The requested resource does not exist");
        assertNotFound(http.get(V + "/sobjects/Nope__c/" + acmeId, token), "The requested resource does not exist");
    }

    @Test
    void textThatIsNoIdAnswers404AsAnUnknownExternalIdField() {
        assertNotFound(http.get(V + "/sobjects/Account/not-an-id", token),
                "Provided external ID field does not exist or is not accessible: not-an-id");
        String badChecksum = acmeId.substring(0, 15) + "ZZZ";
        assertThat(http.get(V + "/sobjects/Account/" + badChecksum, token).statusCode()).isEqualTo(404);
    }

    @Test
    void needsAToken() {
        assertThat(http.get(V + "/sobjects/Account/" + acmeId).statusCode()).isEqualTo(401);
    }
}
