package dev.kinetic.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgHttp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Empty path segments are served, and every error of every layer comes back as Salesforce's JSON error array. */
class ErrorShapeHttpTest {
    private static LocalOrg org;
    private static LocalOrgHttp http;
    private static String token;
    private static int port;

    @BeforeAll
    static void start() {
        org = LocalOrg.start(LocalOrgConfig.defaults());
        http = LocalOrgHttp.of(org);
        token = org.accessToken();
        port = org.baseUri().getPort();
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    private static JsonNode assertErrorArray(int status, String contentType, String body, String errorCode) {
        assertThat(contentType).startsWith("application/json");
        JsonNode errors = parse(body);
        assertThat(errors.isArray()).as(body).isTrue();
        assertThat(errors.get(0).path("errorCode").asText()).as(body).isEqualTo(errorCode);
        assertThat(errors.get(0).path("message").asText()).as(body).isNotBlank();
        assertThat(body).doesNotContain("<html").doesNotContain("<h2>");
        return errors.get(0);
    }

    private static JsonNode parse(String body) {
        try {
            return LocalOrgHttp.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String errorCode) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertErrorArray(status, r.headers().firstValue("Content-Type").orElse(""), r.body(), errorCode);
    }

    private static void assertError(RawHttp.Answer a, int status, String errorCode) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertErrorArray(status, a.headers().getOrDefault("content-type", ""), a.body(), errorCode);
    }

    @Test
    void emptyPathSegmentsAreServedAsTheSinglySlashedPath() {
        RawHttp.Answer doubled = RawHttp.send(port, "GET //services/data/v62.0 HTTP/1.1", "Host: 127.0.0.1",
                "Authorization: Bearer " + token, "Connection: close");
        assertThat(doubled.status()).as(doubled.body()).isEqualTo(200);
        assertThat(parse(doubled.body())).isEqualTo(LocalOrgHttp.parse(http.get("/services/data/v62.0", token)));
        assertThat(doubled.headers().get("sforce-limit-info")).matches("api-usage=\\d+/15000");

        RawHttp.Answer inside = RawHttp.send(port, "GET /services//data/v62.0//limits HTTP/1.1",
                "Host: 127.0.0.1", "Authorization: Bearer " + token, "Connection: close");
        assertThat(inside.status()).as(inside.body()).isEqualTo(200);
        assertThat(parse(inside.body()).path("DailyApiRequests").path("Max").asLong()).isEqualTo(15000);
    }

    @Test
    void unknownPathAndWrongMethodAnswerJsonErrors() {
        assertError(http.get("/services/data/v62.0/nothing/here", token), 404, "NOT_FOUND");
        assertError(http.get("/no/such/page"), 404, "NOT_FOUND");
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(http.uri("/services/data/v62.0/limits"))
                .header("Authorization", "Bearer " + token).DELETE().build());
        assertError(wrong, 405, "METHOD_NOT_ALLOWED");
        assertThat(LocalOrgHttp.parse(wrong).get(0).path("message").asText())
                .isEqualTo("HTTP Method 'DELETE' not allowed. Allowed are GET");
    }

    @Test
    void malformedUriAndRequestLineAnswerJsonErrors() {
        assertError(RawHttp.send(port, "GET /services/data/%zz HTTP/1.1", "Host: 127.0.0.1",
                "Connection: close"), 400, "BAD_REQUEST");
        assertError(RawHttp.send(port, "GET /services/data/v62.0/%2e%2e/limits HTTP/1.1", "Host: 127.0.0.1",
                "Connection: close"), 400, "BAD_REQUEST");
        assertError(RawHttp.send(port, "BREW /coffee HTTP/1.1 extra", "Host: 127.0.0.1", "Connection: close"),
                400, "BAD_REQUEST");
    }

    @Test
    void headersUpToSixteenKilobytesAreReadAndLargerOnesAnswer431InJson() {
        RawHttp.Answer fits = RawHttp.send(port, "GET /services/data/v62.0/limits HTTP/1.1", "Host: 127.0.0.1",
                "Authorization: Bearer " + token, "X-Padding: " + "a".repeat(12_000), "Connection: close");
        assertThat(fits.status()).as(fits.body()).isEqualTo(200);
        RawHttp.Answer tooLarge = RawHttp.send(port, "GET /services/data/v62.0/limits HTTP/1.1",
                "Host: 127.0.0.1", "Authorization: Bearer " + token, "X-Padding: " + "a".repeat(17_000),
                "Connection: close");
        assertError(tooLarge, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
    }
}
