package dev.kinetic.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgHttp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private static final String LIMITS = "/services/data/v62.0/limits";
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

    private String addFault(String json) {
        HttpResponse<String> r = http.json("POST", "/__emulator/faults", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return LocalOrgHttp.parse(r).path("id").asText();
    }

    private JsonNode rules() {
        return LocalOrgHttp.parse(http.get("/__emulator/faults"));
    }

    @Test
    void statusAtFullRateForACountThenNormal() {
        String id = addFault("{\"method\":\"GET\",\"pathRegex\":\"/services/data/v[0-9.]+/limits\","
                + "\"status\":503,\"count\":2}");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = http.get(LIMITS, token);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("[{\"errorCode\":\"SERVER_UNAVAILABLE\","
                    + "\"message\":\"Server temporarily unavailable.\"}]");
        }
        assertThat(http.get(LIMITS, token).statusCode()).isEqualTo(200);
        JsonNode rule = rules().get(0);
        assertThat(rule.path("id").asText()).isEqualTo(id);
        assertThat(rule.path("injected").asLong()).isEqualTo(2);
        assertThat(rule.path("count").asLong()).isEqualTo(2);
    }

    @Test
    void customErrorAndRetryAfterHeader() {
        addFault("{\"status\":429,\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"slow down\","
                + "\"retryAfterSeconds\":7}");
        HttpResponse<String> r = http.get(LIMITS, token);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).contains("7");
        assertThat(r.body()).isEqualTo("[{\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"slow down\"}]");
    }

    @Test
    void droppedConnectionGivesTheClientAnIOException() {
        addFault("{\"method\":\"POST\",\"pathRegex\":\"/services/data/.*\",\"drop\":true,\"count\":1}");
        HttpRequest post = HttpRequest.newBuilder(http.uri("/services/data/v62.0/limits"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThatThrownBy(() -> http.sendRaw(post)).isInstanceOf(IOException.class);
        assertThat(rules().get(0).path("injected").asLong()).isEqualTo(1);
        assertThat(http.get(LIMITS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDelaysThenAnswersNormally() {
        addFault("{\"pathRegex\":\".*/limits\",\"latencyMillis\":300}");
        long start = System.nanoTime();
        HttpResponse<String> r = http.get(LIMITS, token);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("DailyApiRequests");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void afterFaultProcessesTheRequestThenDropsTheAnswer() throws Exception {
        addFault("{\"method\":\"POST\",\"pathRegex\":\"/services/oauth2/revoke\",\"drop\":true,\"after\":true}");
        String doomed = org.accessToken();
        HttpRequest revoke = http.formRequest("/services/oauth2/revoke", Map.of("token", doomed)).build();
        assertThatThrownBy(() -> http.sendRaw(revoke)).isInstanceOf(IOException.class);
        assertThat(http.get(LIMITS, doomed).statusCode()).isEqualTo(401);
    }

    @Test
    void afterFaultWithStatusReplacesTheRealAnswer() {
        addFault("{\"method\":\"PUT\",\"pathRegex\":\"/__emulator/progression\",\"status\":500,\"after\":true}");
        HttpResponse<String> r = http.json("PUT", "/__emulator/progression", "{\"mode\":\"afterPolls\",\"polls\":4}");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("UNKNOWN_EXCEPTION").doesNotContain("afterPolls");
        assertThat(org.context().progression()).isEqualTo(Progression.afterPolls(4));
    }

    @Test
    void afterWithOnlyLatencyServesTheRealAnswer() {
        addFault("{\"pathRegex\":\".*/limits\",\"latencyMillis\":1,\"after\":true}");
        HttpResponse<String> r = http.get(LIMITS, token);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("DailyApiRequests");
        assertThat(rules().get(0).path("injected").asLong()).isEqualTo(1);
    }

    @Test
    void methodAndRegexMustMatchTheWholePath() {
        addFault("{\"method\":\"GET\",\"pathRegex\":\"/services/data/v62\\\\.0/limits\",\"status\":500}");
        assertThat(http.get("/services/data/v62.0/limits", token).statusCode()).isEqualTo(500);
        assertThat(http.get("/services/data/v62.0/limits/extra", token).statusCode()).isEqualTo(404);
        assertThat(http.get("/services/data/v63.0/limits", token).statusCode()).isEqualTo(200);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(http.uri("/services/data/v62.0/limits"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void controlPlaneAndTokenEndpointAreFaultedOnlyWhenNamed() {
        addFault("{\"status\":503}");
        assertThat(http.get(LIMITS, token).statusCode()).isEqualTo(503);
        assertThat(http.get("/__emulator/faults").statusCode()).isEqualTo(200);
        HttpResponse<String> grant = http.postForm("/services/oauth2/token", Map.of("grant_type", "password"));
        assertThat(grant.statusCode()).isEqualTo(400);
        assertThat(grant.body()).contains("client identifier invalid");

        assertThat(http.delete("/__emulator/faults").statusCode()).isEqualTo(204);
        addFault("{\"pathRegex\":\"/services/oauth2/token\",\"status\":503}");
        assertThat(http.postForm("/services/oauth2/token", Map.of("grant_type", "password")).statusCode())
                .isEqualTo(503);
        assertThat(http.get(LIMITS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void seededRateIsDeterministic() {
        String rule = "{\"pathRegex\":\".*/limits\",\"status\":500,\"rate\":0.5,\"seed\":7}";
        String id = addFault(rule);
        List<Integer> first = statuses(20);
        assertThat(first).contains(500, 200);
        assertThat(http.delete("/__emulator/faults/" + id).statusCode()).isEqualTo(204);
        addFault(rule);
        assertThat(statuses(20)).isEqualTo(first);
    }

    private List<Integer> statuses(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(http.get(LIMITS, token).statusCode());
        }
        return out;
    }

    @Test
    void rulesAreListedRemovedAndValidated() {
        String a = addFault("{\"status\":500,\"pathRegex\":\"/a\"}");
        addFault("{\"latencyMillis\":5,\"pathRegex\":\"/b\"}");
        assertThat(rules().size()).isEqualTo(2);
        assertThat(http.delete("/__emulator/faults/" + a).statusCode()).isEqualTo(204);
        assertThat(rules().size()).isEqualTo(1);
        assertThat(http.delete("/__emulator/faults/" + a).statusCode()).isEqualTo(404);
        assertThat(http.delete("/__emulator/faults").statusCode()).isEqualTo(204);
        assertThat(rules().size()).isZero();

        HttpResponse<String> noEffect = http.json("POST", "/__emulator/faults", "{\"pathRegex\":\"/a\"}");
        assertThat(noEffect.statusCode()).isEqualTo(400);
        assertThat(noEffect.body()).contains("needs an effect");
        assertThat(http.json("POST", "/__emulator/faults", "{\"status\":503,\"rate\":2}").body())
                .contains("rate must be between 0 and 1");
        assertThat(http.json("POST", "/__emulator/faults", "{\"status\":503,\"pathRegex\":\"(\"}").body())
                .contains("pathRegex is not a Java regex");
    }
}
