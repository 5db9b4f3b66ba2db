package dev.kinetic.emulator.http.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgHttp;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A local org started for one test class of the record resources, and the raw-HTTP helpers those tests share:
 * bearer requests with JSON bodies, Salesforce's error array, counts by SOQL and seeding through the control plane.
 */
abstract class RestOrgTestBase {
    static final String V = "/services/data/v62.0";
    static LocalOrg org;
    static LocalOrgHttp http;
    static String token;

    @BeforeAll
    static void startOrg() {
        org = LocalOrg.start(LocalOrgConfig.defaults());
        http = LocalOrgHttp.of(org);
        token = org.accessToken();
    }

    @AfterAll
    static void stopOrg() {
        org.close();
    }

    /** Deletes every record (the control plane's reset). */
    static void resetOrg() {
        assertThat(http.json("POST", "/__emulator/reset", "").statusCode()).isEqualTo(204);
    }

    /** A bearer request with a JSON body, or none when {@code json} is null. */
    static HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + token);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build());
    }

    /** The JSON body of a 200 answer. */
    static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return LocalOrgHttp.parse(r);
    }

    /** Checks the status and the first error's code of Salesforce's error array, and returns that error. */
    static JsonNode error(HttpResponse<String> r, int status, String errorCode) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode errors = LocalOrgHttp.parse(r);
        assertThat(errors.isArray()).as(r.body()).isTrue();
        JsonNode e = errors.get(0);
        assertThat(e.path("errorCode").asText()).as(r.body()).isEqualTo(errorCode);
        assertThat(e.has("message")).isTrue();
        return e;
    }

    /** A 404 NOT_FOUND with this message. */
    static void assertNotFound(HttpResponse<String> r, String message) {
        assertThat(error(r, 404, "NOT_FOUND").path("message").asText()).isEqualTo(message);
    }

    /** {@code totalSize} of a query on {@code /query} or {@code /queryAll}. */
    static int count(String soql, String resource) {
        return ok(http.get(V + "/" + resource + "?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8), token))
                .path("totalSize").asInt();
    }

    /** Inserts records through the control plane; their ids in order. */
    static List<String> seed(String object, String json) {
        HttpResponse<String> r = http.json("POST", "/__emulator/records/" + object, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        LocalOrgHttp.parse(r).path("ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The keys of a JSON object in order. */
    static List<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
