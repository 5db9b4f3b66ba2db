package dev.kinetic.emulator.http.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrgHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sObject Rows by External ID resources over raw HTTP, following the REST API Developer Guide: "Upsert Records
 * Using sObject Rows by External ID" (resources_sobject_upsert_patch.htm: 201 {@code {id, success, errors,
 * created:true}} when created, 200 with {@code created:false} when updated from API 46.0 and 204 before, 300 with
 * the matching records when several match) and "Get Records Using sObject Rows by External ID"
 * (resources_sobject_upsert_get.htm, using_resources_retrieve_with_externalid.htm).
 */
class ExternalIdHttpTest extends RestOrgTestBase {

    @AfterEach
    void reset() {
        resetOrg();
    }

    @Test
    void upsertCreatesWith201ThenUpdatesWith200AndCreatedFalse() {
        HttpResponse<String> created = send("PATCH", V + "/sobjects/Account/External_Key__c/K-1",
                "{\"Name\":\"Acme\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode first = LocalOrgHttp.parse(created);
        assertThat(keys(first)).containsExactly("id", "success", "errors", "created");
        assertThat(first.path("created").asBoolean()).isTrue();
        String id = first.path("id").asText();

        HttpResponse<String> updated = send("PATCH", V + "/sobjects/Account/external_key__c/K-1",
                "{\"Name\":\"Acme Corp\",\"External_Key__c\":\"K-1\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode second = LocalOrgHttp.parse(updated);
        assertThat(second.path("id").asText()).isEqualTo(id);
        assertThat(second.path("success").asBoolean()).isTrue();
        assertThat(second.path("created").asBoolean()).isFalse();

        HttpResponse<String> byKey = http.get(V + "/sobjects/Account/External_Key__c/K-1", token);
        assertThat(byKey.statusCode()).as(byKey.body()).isEqualTo(200);
        JsonNode acme = LocalOrgHttp.parse(byKey);
        assertThat(acme.path("Id").asText()).isEqualTo(id);
        assertThat(acme.path("Name").asText()).isEqualTo("Acme Corp");
        assertThat(acme.path("attributes").path("url").asText()).isEqualTo(V + "/sobjects/Account/" + id);
        JsonNode some = LocalOrgHttp.parse(http.get(V + "/sobjects/Account/External_Key__c/K-1?fields=Name", token));
        assertThat(some.path("Name").asText()).isEqualTo("Acme Corp");
        assertThat(some.has("Phone")).isFalse();
    }

    @Test
    void upsertThatUpdatesBeforeApi46Answers204() {
        assertThat(send("PATCH", V + "/sobjects/Account/External_Key__c/K-2", "{\"Name\":\"A\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> r = send("PATCH", "/services/data/v45.0/sobjects/Account/External_Key__c/K-2",
                "{\"Name\":\"B\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void severalMatchesAnswer300WithTheRecordsUrls() {
        HttpResponse<String> seeded = http.json("POST", "/__emulator/records/Contact",
                "[{\"LastName\":\"A\",\"Email\":\"same@example.com\"},{\"LastName\":\"B\",\"Email\":\"same@example.com\"}]");
        List<String> ids = new ArrayList<>();
        LocalOrgHttp.parse(seeded).path("ids").forEach(i -> ids.add(V + "/sobjects/Contact/" + i.asText()));
        for (HttpResponse<String> r : List.of(http.get(V + "/sobjects/Contact/Email/same@example.com", token),
                send("PATCH", V + "/sobjects/Contact/Email/same@example.com", "{\"LastName\":\"C\"}"))) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(300);
            List<String> urls = new ArrayList<>();
            LocalOrgHttp.parse(r).forEach(u -> urls.add(u.asText()));
            assertThat(urls).containsExactlyInAnyOrderElementsOf(ids);
        }
        JsonNode a = LocalOrgHttp.parse(http.get(ids.get(0), token));
        assertThat(a.path("LastName").asText()).isEqualTo("A");
    }

    @Test
    void fieldsThatAreNoExternalIdAreRefused() {
        assertNotFound(http.get(V + "/sobjects/Account/Nope__c/1", token),
                "Provided external ID field does not exist or is not accessible: Nope__c");
        assertNotFound(send("PATCH", V + "/sobjects/Account/Nope__c/1", "{\"Name\":\"A\"}"),
                "Provided external ID field does not exist or is not accessible: Nope__c");
        JsonNode e = error(send("PATCH", V + "/sobjects/Account/Name/Acme", "{\"Phone\":\"1\"}"),
                400, "INVALID_FIELD");
        assertThat(e.path("message").asText())
                .isEqualTo("Invalid field for upsert, must be an External Id custom or standard indexed field: Name");
        assertNotFound(http.get(V + "/sobjects/Account/Name/Acme", token),
                "Provided external ID field does not exist or is not accessible: Name");
    }

    @Test
    void upsertErrorsAndMissingKeysAnswerAsSalesforce() {
        assertNotFound(http.get(V + "/sobjects/Account/External_Key__c/none", token),
                "The requested resource does not exist");
        error(send("PATCH", V + "/sobjects/Account/External_Key__c/K-3", "{\"Phone\":\"1\"}"),
                400, "REQUIRED_FIELD_MISSING");
        error(send("PATCH", V + "/sobjects/Account/External_Key__c/K-3",
                "{\"Name\":\"A\",\"External_Key__c\":\"K-4\"}"), 400, "INVALID_FIELD");
        assertNotFound(http.get(V + "/sobjects/Account/External_Key__c/K-3", token),
                "The requested resource does not exist");
    }
}
