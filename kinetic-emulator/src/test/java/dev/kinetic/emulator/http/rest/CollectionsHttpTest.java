package dev.kinetic.emulator.http.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * sObject Collections over raw HTTP, following the REST API Developer Guide: "Create Records Using sObject
 * Collections" (resources_composite_sobjects_collections_create.htm: up to 200 records, each with
 * {@code attributes.type}, processed in chunks of one object, results in input order, {@code allOrNone}),
 * "Update Records Using sObject Collections" (…_collections_update.htm), "Upsert Records Using sObject Collections"
 * (…_collections_upsert.htm), "Delete Records Using sObject Collections" (…_collections_delete.htm) and "Get Records
 * Using sObject Collections" (…_collections_retrieve.htm: null for an id that names no record); the rolled-back
 * records' error is the AllOrNoneHeader's ALL_OR_NONE_OPERATION_ROLLED_BACK (SOAP API guide,
 * sforce_api_header_allornoneheader.htm).
 */
class CollectionsHttpTest extends RestOrgTestBase {
    private static final String ROLLED_BACK = "ALL_OR_NONE_OPERATION_ROLLED_BACK";

    @AfterEach
    void reset() {
        resetOrg();
    }

    private static String body(boolean allOrNone, String... records) {
        return "{\"allOrNone\":" + allOrNone + ",\"records\":[" + String.join(",", records) + "]}";
    }

    private static String account(String fields) {
        return "{\"attributes\":{\"type\":\"Account\"}" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private static String contact(String fields) {
        return "{\"attributes\":{\"type\":\"Contact\"}," + fields + "}";
    }

    private static String code(JsonNode result) {
        return result.path("errors").get(0).path("statusCode").asText();
    }

    @Test
    void createAnswersOneResultPerRecordInInputOrderAcrossObjects() {
        JsonNode results = ok(send("POST", V + "/composite/sobjects", body(false, account("\"Name\":\"A\""),
                contact("\"LastName\":\"C\""), account("\"Phone\":\"1\""), account("\"Name\":\"B\""))));
        assertThat(results.size()).isEqualTo(4);
        assertThat(results.get(0).path("success").asBoolean()).isTrue();
        assertThat(results.get(0).path("id").asText()).startsWith("001");
        assertThat(results.get(0).path("errors").size()).isZero();
        assertThat(results.get(1).path("id").asText()).startsWith("003");
        JsonNode failed = results.get(2);
        assertThat(failed.path("success").asBoolean()).isFalse();
        assertThat(failed.has("id")).isFalse();
        JsonNode error = failed.path("errors").get(0);
        assertThat(keys(error)).containsExactly("statusCode", "message", "fields");
        assertThat(error.path("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(error.path("fields").get(0).asText()).isEqualTo("Name");
        assertThat(results.get(3).path("success").asBoolean()).isTrue();
        assertThat(count("SELECT COUNT() FROM Account", "query")).isEqualTo(2);
        assertThat(count("SELECT COUNT() FROM Contact", "query")).isEqualTo(1);
    }

    @Test
    void createAllOrNoneKeepsNothingWhenOneRecordFails() {
        JsonNode one = ok(send("POST", V + "/composite/sobjects", body(true, account("\"Name\":\"A\""),
                account("\"Phone\":\"1\""))));
        assertThat(code(one.get(0))).isEqualTo(ROLLED_BACK);
        assertThat(one.get(0).path("errors").get(0).path("message").asText()).isEqualTo(
                "Record rolled back because not all records were valid and the request was using AllOrNone header");
        assertThat(code(one.get(1))).isEqualTo("REQUIRED_FIELD_MISSING");

        JsonNode several = ok(send("POST", V + "/composite/sobjects", body(true, account("\"Name\":\"A\""),
                contact("\"LastName\":\"C\""), account("\"Name\":\"" + "x".repeat(300) + "\""))));
        assertThat(several.get(0).path("success").asBoolean()).isFalse();
        assertThat(several.get(0).has("id")).isFalse();
        assertThat(code(several.get(0))).isEqualTo(ROLLED_BACK);
        assertThat(code(several.get(1))).isEqualTo(ROLLED_BACK);
        assertThat(code(several.get(2))).isEqualTo("STRING_TOO_LONG");
        assertThat(count("SELECT COUNT() FROM Account", "queryAll")).isZero();
        assertThat(count("SELECT COUNT() FROM Contact", "queryAll")).isZero();
    }

    @Test
    void updateByIdAnswersInOrderAndAllOrNoneChangesNothingOnAFailure() {
        JsonNode created = ok(send("POST", V + "/composite/sobjects", body(false, account("\"Name\":\"A\""),
                account("\"Name\":\"B\""))));
        String a = created.get(0).path("id").asText();
        String b = created.get(1).path("id").asText();
        JsonNode partial = ok(send("PATCH", V + "/composite/sobjects", body(false,
                account("\"Id\":\"" + a + "\",\"Name\":\"A2\""), account("\"Id\":\"" + b + "\",\"Name\":\""
                        + "y".repeat(300) + "\""), account("\"Name\":\"no id\""))));
        assertThat(partial.get(0).path("success").asBoolean()).isTrue();
        assertThat(partial.get(0).path("id").asText()).isEqualTo(a);
        assertThat(partial.get(1).path("id").asText()).isEqualTo(b);
        assertThat(code(partial.get(1))).isEqualTo("STRING_TOO_LONG");
        assertThat(code(partial.get(2))).isEqualTo("MISSING_ARGUMENT");

        JsonNode none = ok(send("PATCH", V + "/composite/sobjects", body(true,
                account("\"Id\":\"" + a + "\",\"Name\":\"A3\""), account("\"Id\":\"001000000000000AAA\""))));
        assertThat(code(none.get(0))).isEqualTo(ROLLED_BACK);
        assertThat(none.get(0).path("id").asText()).isEqualTo(a);
        assertThat(code(none.get(1))).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        JsonNode stored = ok(http.get(V + "/sobjects/Account/" + a, token));
        assertThat(stored.path("Name").asText()).isEqualTo("A2");
    }

    @Test
    void upsertByExternalIdCreatesThenUpdates() {
        String path = V + "/composite/sobjects/Account/External_Key__c";
        JsonNode first = ok(send("PATCH", path, body(false, account("\"External_Key__c\":\"K1\",\"Name\":\"One\""),
                account("\"External_Key__c\":\"K2\",\"Name\":\"Two\""))));
        assertThat(first.get(0).path("created").asBoolean()).isTrue();
        assertThat(first.get(1).path("created").asBoolean()).isTrue();
        JsonNode second = ok(send("PATCH", path, body(false, account("\"External_Key__c\":\"K1\",\"Name\":\"Uno\""),
                account("\"External_Key__c\":\"K1\",\"Name\":\"Again\""))));
        assertThat(second.get(0).path("success").asBoolean()).isTrue();
        assertThat(second.get(0).path("created").asBoolean()).isFalse();
        assertThat(second.get(0).path("id").asText()).isEqualTo(first.get(0).path("id").asText());
        assertThat(code(second.get(1))).isEqualTo("DUPLICATE_EXTERNAL_ID");
        assertThat(ok(http.get(V + "/sobjects/Account/External_Key__c/K1", token)).path("Name").asText())
                .isEqualTo("Uno");
        error(send("PATCH", V + "/composite/sobjects/Account/Name",
                body(false, account("\"Name\":\"x\""))), 400, "INVALID_FIELD");
    }

    @Test
    void deleteByIdsAnswersInOrderAndGoesToTheRecycleBin() {
        JsonNode created = ok(send("POST", V + "/composite/sobjects", body(false, account("\"Name\":\"A\""),
                account("\"Name\":\"B\""))));
        String a = created.get(0).path("id").asText();
        String b = created.get(1).path("id").asText();
        JsonNode none = ok(send("DELETE", V + "/composite/sobjects?allOrNone=true&ids=" + a + ",nope", null));
        assertThat(code(none.get(0))).isEqualTo(ROLLED_BACK);
        assertThat(code(none.get(1))).isEqualTo("MALFORMED_ID");
        assertThat(count("SELECT COUNT() FROM Account", "query")).isEqualTo(2);

        JsonNode results = ok(send("DELETE", V + "/composite/sobjects?ids=" + a + ",nope," + b, null));
        assertThat(results.get(0).path("success").asBoolean()).isTrue();
        assertThat(results.get(0).path("id").asText()).isEqualTo(a);
        assertThat(code(results.get(1))).isEqualTo("MALFORMED_ID");
        assertThat(results.get(2).path("id").asText()).isEqualTo(b);
        assertThat(count("SELECT COUNT() FROM Account", "query")).isZero();
        assertThat(count("SELECT COUNT() FROM Account WHERE IsDeleted = true", "queryAll")).isEqualTo(2);
        JsonNode again = ok(send("DELETE", V + "/composite/sobjects?ids=" + a + ",zzz000000000000", null));
        assertThat(code(again.get(0))).isEqualTo("ENTITY_IS_DELETED");
        assertThat(code(again.get(1))).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
    }

    @Test
    void getByIdsAnswersRecordsInOrderWithNullForMissingOnes() {
        JsonNode created = ok(send("POST", V + "/composite/sobjects", body(false, account("\"Name\":\"A\""),
                account("\"Name\":\"B\""))));
        String a = created.get(0).path("id").asText();
        String b = created.get(1).path("id").asText();
        JsonNode records = ok(http.get(V + "/composite/sobjects/Account?fields=Name&ids=" + b + ",001000000000000AAA,"
                + a.substring(0, 15), token));
        assertThat(records.size()).isEqualTo(3);
        assertThat(records.get(0).path("Name").asText()).isEqualTo("B");
        assertThat(records.get(0).path("Id").asText()).isEqualTo(b);
        assertThat(records.get(1).isNull()).isTrue();
        assertThat(records.get(2).path("Name").asText()).isEqualTo("A");
        error(http.get(V + "/composite/sobjects/Account?ids=" + a, token), 400,
                "MALFORMED_QUERY");
    }

    @Test
    void badRequestsAreRefusedWholeAndWriteNothing() {
        String[] many = new String[201];
        for (int i = 0; i < many.length; i++) {
            many[i] = account("\"Name\":\"N" + i + "\"");
        }
        error(send("POST", V + "/composite/sobjects", body(false, many)), 400,
                "EXCEEDED_ID_LIMIT");
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            ids.append(i == 0 ? "" : ",").append("001000000000000AAA");
        }
        error(send("DELETE", V + "/composite/sobjects?ids=" + ids, null), 400,
                "EXCEEDED_ID_LIMIT");
        error(send("POST", V + "/composite/sobjects", body(false, "{\"Name\":\"A\"}")), 400,
                "INVALID_TYPE");
        error(send("POST", V + "/composite/sobjects",
                body(false, "{\"attributes\":{\"type\":\"Nope__c\"},\"Name\":\"A\"}")), 400, "INVALID_TYPE");
        error(send("POST", V + "/composite/sobjects", "{\"allOrNone\":true}"), 400,
                "JSON_PARSER_ERROR");
        error(send("PATCH", V + "/composite/sobjects", body(true,
                account("\"Id\":\"001000000000000AAA\""), contact("\"Id\":\"003000000000000AAA\""))), 400,
                "FUNCTIONALITY_NOT_ENABLED");
        String[] exactly = new String[200];
        for (int i = 0; i < exactly.length; i++) {
            exactly[i] = account("\"Name\":\"N" + i + "\"");
        }
        assertThat(count("SELECT COUNT() FROM Account", "query")).isZero();
        assertThat(ok(send("POST", V + "/composite/sobjects", body(false, exactly))).size()).isEqualTo(200);
        assertThat(count("SELECT COUNT() FROM Account", "query")).isEqualTo(200);
    }
}
