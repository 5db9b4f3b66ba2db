package dev.kinetic.emulator.http.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrgHttp;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /sobjects/{object}}, {@code PATCH} and {@code DELETE /sobjects/{object}/{id}} over raw HTTP, following
 * the REST API Developer Guide: "Create a Record" (dome_sobject_create.htm: 201 {@code {id, errors, success}}; an Id
 * in the body is 400 INVALID_FIELD "The Id field should not be specified in the sobject data."), "Update a Record"
 * (dome_update_fields.htm: 204 with no body), "Delete a Record" (dome_delete_record.htm: 204), and "Status Codes and
 * Error Responses" (errorcodes.htm: 400 with {@code [{message, errorCode, fields}]}, 404 for a resource that does not
 * exist). Field errors carry the codes Bulk rows get from the same DML engine.
 */
class RecordWritesHttpTest extends RestOrgTestBase {

    @AfterEach
    void reset() {
        resetOrg();
    }

    private static String create(String object, String json) {
        HttpResponse<String> r = send("POST", V + "/sobjects/" + object, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return LocalOrgHttp.parse(r).path("id").asText();
    }

    private static JsonNode get(String object, String id) {
        HttpResponse<String> r = http.get(V + "/sobjects/" + object + "/" + id, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return LocalOrgHttp.parse(r);
    }

    private static List<String> fields(JsonNode error) {
        List<String> out = new ArrayList<>();
        error.path("fields").forEach(f -> out.add(f.asText()));
        return out;
    }

    @Test
    void createAnswers201WithIdSuccessAndNoErrorsAndStoresTheTypedValues() {
        HttpResponse<String> r = send("POST", V + "/sobjects/Account",
                "{\"Name\":\"Acme\",\"NumberOfEmployees\":50,\"AnnualRevenue\":1234.56,\"Regions__c\":\"EMEA;APAC\","
                        + "\"attributes\":{\"type\":\"Account\"}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode result = LocalOrgHttp.parse(r);
        assertThat(keys(result)).containsExactly("id", "success", "errors");
        assertThat(result.path("success").asBoolean()).isTrue();
        assertThat(result.path("errors").size()).isZero();
        String id = result.path("id").asText();
        assertThat(id).hasSize(18).startsWith("001");
        JsonNode acme = get("Account", id);
        assertThat(acme.path("Name").asText()).isEqualTo("Acme");
        assertThat(acme.path("NumberOfEmployees").asInt()).isEqualTo(50);
        assertThat(acme.path("AnnualRevenue").decimalValue()).isEqualByComparingTo("1234.56");
        assertThat(acme.path("Regions__c").asText()).isEqualTo("EMEA;APAC");
        assertThat(acme.path("OwnerId").asText()).isEqualTo(org.adminUserId());
    }

    @Test
    void createSetsAParentByItsExternalId() {
        String acme = create("Account", "{\"Name\":\"Acme\",\"External_Key__c\":\"A-1\"}");
        String ann = create("Contact", "{\"LastName\":\"Ann\",\"Account\":{\"External_Key__c\":\"A-1\"}}");
        assertThat(get("Contact", ann).path("AccountId").asText()).isEqualTo(acme);
        JsonNode e = error(send("POST", V + "/sobjects/Contact",
                "{\"LastName\":\"Bob\",\"Account\":{\"External_Key__c\":\"nope\"}}"), 400, "INVALID_FIELD");
        assertThat(e.path("message").asText()).contains("Foreign key external ID: nope not found");
    }

    @Test
    void createSetsAPolymorphicParentByTheTypeItsAttributesName() {
        String email = get("User", org.adminUserId()).path("Email").asText();
        String id = create("Case", "{\"Subject\":\"Mine\",\"Owner\":{\"attributes\":{\"type\":\"User\"},"
                + "\"Email\":\"" + email + "\"}}");
        assertThat(get("Case", id).path("OwnerId").asText()).isEqualTo(org.adminUserId());
    }

    @Test
    void createRefusesAnIdInTheBody() {
        JsonNode e = error(send("POST", V + "/sobjects/Account", "{\"Id\":\"001000000000000AAA\",\"Name\":\"X\"}"),
                400, "INVALID_FIELD");
        assertThat(e.path("message").asText()).isEqualTo("The Id field should not be specified in the sobject data.");
    }

    @Test
    void fieldErrorsAre400WithTheBulkRowCodesAndTheirFields() {
        JsonNode missing = error(send("POST", V + "/sobjects/Account", "{\"Phone\":\"123\"}"), 400,
                "REQUIRED_FIELD_MISSING");
        assertThat(missing.path("message").asText()).isEqualTo("Required fields are missing: [Name]");
        assertThat(fields(missing)).containsExactly("Name");
        JsonNode tooLong = error(send("POST", V + "/sobjects/Account", "{\"Name\":\"" + "x".repeat(256) + "\"}"),
                400, "STRING_TOO_LONG");
        assertThat(fields(tooLong)).containsExactly("Name");
        JsonNode email = error(send("POST", V + "/sobjects/Contact", "{\"LastName\":\"A\",\"Email\":\"not-mail\"}"),
                400, "INVALID_EMAIL_ADDRESS");
        assertThat(fields(email)).containsExactly("Email");
        JsonNode picklist = error(send("POST", V + "/sobjects/Account", "{\"Name\":\"A\",\"Regions__c\":\"Mars\"}"),
                400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(fields(picklist)).containsExactly("Regions__c");
        JsonNode number = error(send("POST", V + "/sobjects/Account", "{\"Name\":\"A\",\"NumberOfEmployees\":\"many\"}"),
                400, "INVALID_TYPE_ON_FIELD_IN_RECORD");
        assertThat(fields(number)).containsExactly("NumberOfEmployees");
        JsonNode reference = error(send("POST", V + "/sobjects/Contact",
                "{\"LastName\":\"A\",\"AccountId\":\"003000000000000AAA\"}"), 400, "MALFORMED_ID");
        assertThat(fields(reference)).containsExactly("AccountId");

        // The same row through the DML engine of Bulk jobs (the control plane's seeding) gives the same code.
        HttpResponse<String> seeded = http.json("POST", "/__emulator/records/Account", "[{\"Phone\":\"123\"}]");
        assertThat(seeded.statusCode()).isEqualTo(400);
        assertThat(LocalOrgHttp.parse(seeded).get(0).path("errorCode").asText())
                .isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(count("Account")).isZero();
    }

    @Test
    void unknownFieldAndUnknownObjectAndBadJsonAreRefused() {
        JsonNode field = error(send("POST", V + "/sobjects/Account", "{\"Name\":\"A\",\"Nope__c\":1}"), 400,
                "INVALID_FIELD");
        assertThat(field.path("message").asText()).isEqualTo("No such column 'Nope__c' on sobject of type Account");
        error(send("POST", V + "/sobjects/Nope__c", "{\"Name\":\"A\"}"), 404, "NOT_FOUND");
        JsonNode json = error(send("POST", V + "/sobjects/Account", "{\"Name\":"), 400, "JSON_PARSER_ERROR");
        assertThat(json.path("message").asText()).contains("line:1");
        error(send("POST", V + "/sobjects/Account", "[{\"Name\":\"A\"}]"), 400, "JSON_PARSER_ERROR");
        error(send("POST", V + "/sobjects/Account", "{\"Name\":[\"A\"]}"), 400, "JSON_PARSER_ERROR");
        assertThat(count("Account")).isZero();
    }

    @Test
    void updateAnswers204AndChangesOnlyTheGivenFieldsAndNullClears() {
        String id = create("Account", "{\"Name\":\"Acme\",\"Phone\":\"123\",\"NumberOfEmployees\":5}");
        HttpResponse<String> r = send("PATCH", V + "/sobjects/Account/" + id,
                "{\"Name\":\"Acme Corp\",\"Phone\":null,\"Id\":\"" + id + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        JsonNode acme = get("Account", id);
        assertThat(acme.path("Name").asText()).isEqualTo("Acme Corp");
        assertThat(acme.path("Phone").isNull()).isTrue();
        assertThat(acme.path("NumberOfEmployees").asInt()).isEqualTo(5);
        assertThat(send("PATCH", V + "/sobjects/Account/" + id.substring(0, 15), "{\"Phone\":\"\"}").statusCode())
                .isEqualTo(204);
    }

    @Test
    void updateOfAMissingRecordIs404AndABadValue400() {
        assertNotFound(send("PATCH", V + "/sobjects/Account/001000000000000AAA",
                "{\"Name\":\"X\"}"), "The requested resource does not exist");
        assertNotFound(send("PATCH", V + "/sobjects/Account/nope", "{\"Name\":\"X\"}"),
                "Provided external ID field does not exist or is not accessible: nope");
        String id = create("Account", "{\"Name\":\"Acme\"}");
        JsonNode e = error(send("PATCH", V + "/sobjects/Account/" + id, "{\"Name\":\"" + "y".repeat(300) + "\"}"),
                400, "STRING_TOO_LONG");
        assertThat(fields(e)).containsExactly("Name");
        error(send("PATCH", V + "/sobjects/Account/" + id, "{\"CreatedDate\":\"2020-01-01T00:00:00Z\"}"), 400,
                "INVALID_FIELD_FOR_INSERT_UPDATE");
        String ann = create("Contact", "{\"LastName\":\"Ann\"}");
        error(send("PATCH", V + "/sobjects/Account/" + ann, "{\"Name\":\"X\"}"), 400, "MALFORMED_ID");
        assertThat(get("Account", id).path("Name").asText()).isEqualTo("Acme");
    }

    @Test
    void deleteAnswers204AndPutsTheRecordInTheRecycleBin() {
        String id = create("Account", "{\"Name\":\"Gone\"}");
        HttpResponse<String> r = send("DELETE", V + "/sobjects/Account/" + id, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertNotFound(http.get(V + "/sobjects/Account/" + id, token),
                "The requested resource does not exist");
        JsonNode all = LocalOrgHttp.parse(http.get(V + "/queryAll?q=" + URLEncoder.encode(
                "SELECT Id, IsDeleted FROM Account WHERE Id = '" + id + "'", StandardCharsets.UTF_8), token));
        assertThat(all.path("totalSize").asInt()).isEqualTo(1);
        assertThat(all.path("records").get(0).path("IsDeleted").asBoolean()).isTrue();
        assertThat(count("Account")).isZero();

        JsonNode again = error(send("DELETE", V + "/sobjects/Account/" + id, null), 404, "ENTITY_IS_DELETED");
        assertThat(again.path("message").asText()).isEqualTo("entity is deleted");
        error(send("PATCH", V + "/sobjects/Account/" + id, "{\"Name\":\"Back\"}"), 404, "ENTITY_IS_DELETED");
        assertNotFound(send("DELETE", V + "/sobjects/Account/001000000000000AAA", null),
                "The requested resource does not exist");
    }

    @Test
    void writesNeedAToken() {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(http.uri(V + "/sobjects/Account"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"A\"}")).build());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(count("Account")).isZero();
    }

    private static int count(String object) {
        return count("SELECT COUNT() FROM " + object, "query");
    }
}
