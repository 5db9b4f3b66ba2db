package dev.kinetic.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlPlaneTest {
    private static LocalOrg org;
    private static LocalOrgHttp http;
    private String token;

    @BeforeAll
    static void start() {
        org = LocalOrg.start(LocalOrgConfig.defaults());
        http = LocalOrgHttp.of(org);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @BeforeEach
    void freshToken() {
        token = org.accessToken();
    }

    @AfterEach
    void reset() {
        assertThat(http.json("POST", "/__emulator/reset", "").statusCode()).isEqualTo(204);
    }

    private JsonNode record(String object, String id) {
        HttpResponse<String> r = http.get("/services/data/v62.0/sobjects/" + object + "/" + id, token);
        return r.statusCode() == 200 ? LocalOrgHttp.parse(r) : null;
    }

    @Test
    void seedsRecordsAsTheAdminUserWithSystemFields() {
        HttpResponse<String> r = http.json("POST", "/__emulator/records/Account",
                "[{\"Name\":\"Acme\",\"External_Key__c\":\"A-1\",\"NumberOfEmployees\":12},{\"Name\":\"Globex\"}]");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode ids = LocalOrgHttp.parse(r).path("ids");
        assertThat(ids.size()).isEqualTo(2);
        String id = ids.get(0).asText();
        assertThat(id).hasSize(18).startsWith("001");
        JsonNode acme = record("Account", id);
        assertThat(acme.path("Name").asText()).isEqualTo("Acme");
        assertThat(acme.path("External_Key__c").asText()).isEqualTo("A-1");
        assertThat(acme.path("NumberOfEmployees").asInt()).isEqualTo(12);
        assertThat(acme.path("OwnerId").asText()).isEqualTo(org.adminUserId());
        assertThat(acme.path("CreatedById").asText()).isEqualTo(org.adminUserId());
        assertThat(acme.path("IsDeleted").asBoolean()).isFalse();
        assertThat(record("Account", ids.get(1).asText()).path("Name").asText()).isEqualTo("Globex");
    }

    @Test
    void seedingReportsRowErrorsAndBadRequests() {
        HttpResponse<String> missing = http.json("POST", "/__emulator/records/Contact", "[{\"FirstName\":\"Ann\"}]");
        assertThat(missing.statusCode()).isEqualTo(400);
        JsonNode error = LocalOrgHttp.parse(missing).get(0);
        assertThat(error.path("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(error.path("message").asText()).contains("LastName");
        assertThat(error.path("index").asInt()).isZero();

        HttpResponse<String> unknown = http.json("POST", "/__emulator/records/Nope__c", "[{\"Name\":\"x\"}]");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Nope__c");
        HttpResponse<String> notArray = http.json("POST", "/__emulator/records/Account", "{\"Name\":\"x\"}");
        assertThat(notArray.statusCode()).isEqualTo(400);
        assertThat(notArray.body()).contains("JSON array");
        HttpResponse<String> notJson = http.json("POST", "/__emulator/records/Account", "[{");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not valid JSON");
    }

    @Test
    void resetDeletesRecordsAndFaultsButKeepsUsersAndCredentials() {
        String id = LocalOrgHttp.parse(http.json("POST", "/__emulator/records/Account", "[{\"Name\":\"Acme\"}]"))
                .path("ids").get(0).asText();
        String profileId = record("User", org.adminUserId()).path("ProfileId").asText();
        String userId = LocalOrgHttp.parse(http.json("POST", "/__emulator/records/User",
                "[{\"Username\":\"second@kinetic.local\",\"LastName\":\"Second\",\"Email\":\"second@kinetic.local\","
                        + "\"Alias\":\"sec\",\"CommunityNickname\":\"sec\",\"TimeZoneSidKey\":\"GMT\","
                        + "\"LocaleSidKey\":\"en_US\",\"EmailEncodingKey\":\"UTF-8\",\"LanguageLocaleKey\":\"en_US\","
                        + "\"ProfileId\":\"" + profileId + "\",\"IsActive\":true}]")).path("ids").get(0).asText();
        assertThat(record("User", userId).path("Username").asText()).isEqualTo("second@kinetic.local");
        http.json("POST", "/__emulator/faults", "{\"pathRegex\":\"/nowhere\",\"status\":503}");
        http.json("PUT", "/__emulator/progression", "{\"mode\":\"afterPolls\",\"polls\":2}");

        assertThat(http.json("POST", "/__emulator/reset", "").statusCode()).isEqualTo(204);

        assertThat(record("Account", id)).isNull();
        assertThat(record("User", userId)).isNull();
        assertThat(record("User", org.adminUserId())).isNotNull();
        assertThat(LocalOrgHttp.parse(http.get("/__emulator/faults")).size()).isZero();
        assertThat(org.context().progression()).isEqualTo(Progression.immediate());
        assertThat(http.get("/services/data/v62.0/limits", token).statusCode()).isEqualTo(200);
    }

    @Test
    void progressionIsSetAndEchoed() {
        HttpResponse<String> polls = http.json("PUT", "/__emulator/progression", "{\"mode\":\"afterPolls\",\"polls\":3}");
        assertThat(polls.statusCode()).isEqualTo(200);
        assertThat(polls.body()).isEqualTo("{\"mode\":\"afterPolls\",\"polls\":3}");
        assertThat(org.context().progression()).isEqualTo(Progression.afterPolls(3));

        HttpResponse<String> delay = http.json("PUT", "/__emulator/progression",
                "{\"mode\":\"afterDelay\",\"delayMillis\":500}");
        assertThat(delay.body()).isEqualTo("{\"mode\":\"afterDelay\",\"delayMillis\":500}");
        assertThat(org.context().progression()).isEqualTo(Progression.afterDelay(Duration.ofMillis(500)));

        assertThat(http.json("PUT", "/__emulator/progression", "{\"mode\":\"immediate\"}").body())
                .isEqualTo("{\"mode\":\"immediate\"}");
        assertThat(org.context().progression()).isEqualTo(Progression.immediate());

        HttpResponse<String> bad = http.json("PUT", "/__emulator/progression", "{\"mode\":\"later\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("mode must be immediate, afterPolls or afterDelay");
        assertThat(http.json("PUT", "/__emulator/progression", "{\"mode\":\"afterPolls\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void refreshTokenMintingNamesUnknownUsersAndClients() {
        HttpResponse<String> user = http.json("POST", "/__emulator/refresh-tokens", "{\"username\":\"ghost@x\"}");
        assertThat(user.statusCode()).isEqualTo(400);
        assertThat(user.body()).contains("ghost@x").contains("admin@kinetic.local");
        HttpResponse<String> client = http.json("POST", "/__emulator/refresh-tokens",
                "{\"username\":\"admin@kinetic.local\",\"clientId\":\"nope\"}");
        assertThat(client.statusCode()).isEqualTo(400);
        assertThat(client.body()).contains("nope");
        HttpResponse<String> ok = http.json("POST", "/__emulator/refresh-tokens",
                "{\"username\":\"admin@kinetic.local\",\"clientId\":\"" + org.credentials().clientId() + "\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(LocalOrgHttp.parse(ok).path("refresh_token").asText()).hasSizeGreaterThan(40);
    }

    @Test
    void controlPlaneNeedsNoToken() {
        assertThat(http.get("/__emulator/faults").statusCode()).isEqualTo(200);
        assertThat(http.json("POST", "/__emulator/tokens/expire", "").statusCode()).isEqualTo(204);
        assertThat(http.get("/services/data/v62.0/limits", token).statusCode()).isEqualTo(401);
    }
}
