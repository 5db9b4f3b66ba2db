package dev.kinetic.emulator.http.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RestBasicsTest {
    private static LocalOrg org;
    private static LocalOrgHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        org = LocalOrg.start(LocalOrgConfig.defaults());
        http = LocalOrgHttp.of(org);
        token = org.accessToken();
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @Test
    void versionsNeedNoTokenAndListVersionsAsStrings() {
        for (String path : new String[] {"/services/data", "/services/data/"}) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Sforce-Limit-Info")).isEmpty();
            JsonNode versions = LocalOrgHttp.parse(r);
            assertThat(versions.isArray()).isTrue();
            JsonNode first = versions.get(0);
            assertThat(first.path("label").asText()).isEqualTo("Summer '14");
            assertThat(first.path("url").asText()).isEqualTo("/services/data/v31.0");
            assertThat(first.path("version").isTextual()).isTrue();
            assertThat(first.path("version").asText()).isEqualTo("31.0");
            boolean has62 = false;
            for (JsonNode v : versions) {
                if (v.path("version").asText().equals("62.0")) {
                    has62 = true;
                    assertThat(v.path("label").asText()).isEqualTo("Winter '25");
                }
            }
            assertThat(has62).isTrue();
            assertThat(versions.get(versions.size() - 1).path("label").asText()).isEqualTo("Spring '26");
        }
    }

    @Test
    void versionResourcesNeedATokenAndListJobsAndLimits() {
        assertThat(http.get("/services/data/v62.0").statusCode()).isEqualTo(401);
        HttpResponse<String> r = http.get("/services/data/v62.0/", token);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode resources = LocalOrgHttp.parse(r);
        assertThat(resources.path("jobs").asText()).isEqualTo("/services/data/v62.0/jobs");
        assertThat(resources.path("limits").asText()).isEqualTo("/services/data/v62.0/limits");
        assertThat(resources.path("sobjects").asText()).isEqualTo("/services/data/v62.0/sobjects");
        assertThat(http.get("/services/data/v20.0", token).statusCode()).isEqualTo(410);
        assertThat(http.get("/services/data/bogus", token).statusCode()).isEqualTo(404);
    }

    @Test
    void limitsReportDailyAllocationsAndApiUsageHeaderCounts() {
        HttpResponse<String> first = http.get("/services/data/v62.0/limits", token);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode limits = LocalOrgHttp.parse(first);
        for (String name : new String[] {"DailyApiRequests", "DailyBulkApiBatches", "DailyBulkV2QueryJobs",
                "DailyBulkV2QueryFileStorageMB"}) {
            assertThat(limits.path(name).path("Max").isNumber()).as(name).isTrue();
            assertThat(limits.path(name).path("Remaining").isNumber()).as(name).isTrue();
        }
        assertThat(limits.path("DailyApiRequests").path("Max").asLong()).isEqualTo(15000);
        String header = first.headers().firstValue("Sforce-Limit-Info").orElseThrow();
        assertThat(header).matches("api-usage=\\d+/15000");
        long used = Long.parseLong(header.substring("api-usage=".length(), header.indexOf('/')));
        assertThat(limits.path("DailyApiRequests").path("Remaining").asLong()).isEqualTo(15000 - used);
        HttpResponse<String> second = http.get("/services/data/v62.0/limits", token);
        assertThat(second.headers().firstValue("Sforce-Limit-Info").orElseThrow())
                .isEqualTo("api-usage=" + (used + 1) + "/15000");
    }

    @Test
    void userinfoAndIdentityUrlDescribeTheCaller() {
        HttpResponse<String> r = http.get("/services/oauth2/userinfo", token);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode info = LocalOrgHttp.parse(r);
        assertThat(info.path("user_id").asText()).isEqualTo(org.adminUserId());
        assertThat(info.path("organization_id").asText()).isEqualTo(org.orgId());
        assertThat(info.path("preferred_username").asText()).isEqualTo(org.credentials().username());
        assertThat(info.path("sub").asText()).isEqualTo(org.baseUri() + "/id/" + org.orgId() + "/"
                + org.adminUserId());
        assertThat(info.path("active").asBoolean()).isTrue();
        assertThat(http.get("/services/oauth2/userinfo").statusCode()).isEqualTo(401);

        HttpResponse<String> id = http.get("/id/" + org.orgId() + "/" + org.adminUserId(), token);
        assertThat(id.statusCode()).isEqualTo(200);
        assertThat(LocalOrgHttp.parse(id).path("username").asText()).isEqualTo(org.credentials().username());
        assertThat(LocalOrgHttp.parse(id).path("urls").path("rest").asText())
                .isEqualTo(org.baseUri() + "/services/data/v{version}/");
    }

    @Test
    void userRecordHasAttributesAndRequiredFields() {
        HttpResponse<String> r = http.get("/services/data/v62.0/sobjects/User/" + org.adminUserId(), token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode user = LocalOrgHttp.parse(r);
        assertThat(user.path("attributes").path("type").asText()).isEqualTo("User");
        assertThat(user.path("attributes").path("url").asText())
                .isEqualTo("/services/data/v62.0/sobjects/User/" + org.adminUserId());
        assertThat(user.path("Id").asText()).isEqualTo(org.adminUserId());
        assertThat(user.path("Username").asText()).isEqualTo("admin@kinetic.local");
        for (String field : new String[] {"Email", "LastName", "Alias", "TimeZoneSidKey", "LocaleSidKey",
                "EmailEncodingKey", "LanguageLocaleKey", "ProfileId", "CommunityNickname"}) {
            assertThat(user.path(field).asText()).as(field).isNotBlank();
        }
        assertThat(user.path("IsActive").isBoolean()).isTrue();
        assertThat(user.path("ProfileId").asText()).startsWith("00e");
        assertThat(user.path("CreatedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        String id15 = org.adminUserId().substring(0, 15);
        assertThat(http.get("/services/data/v62.0/sobjects/User/" + id15, token).statusCode()).isEqualTo(200);
        HttpResponse<String> missing = http.get("/services/data/v62.0/sobjects/User/005000000000000AAA", token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("NOT_FOUND");
    }
}
