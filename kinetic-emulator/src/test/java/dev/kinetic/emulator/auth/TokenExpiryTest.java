package dev.kinetic.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgHttp;
import dev.kinetic.emulator.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private static LocalOrg org;
    private static LocalOrgHttp http;

    @BeforeAll
    static void start() {
        org = LocalOrg.start(LocalOrgConfig.builder().clock(clock).tokenTtl(Duration.ofMinutes(10)).build());
        http = LocalOrgHttp.of(org);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @AfterEach
    void restoreLifetime() {
        assertThat(http.json("PUT", "/__emulator/tokens", "{\"ttlSeconds\":600}").statusCode()).isEqualTo(204);
    }

    private int status(String token) {
        return http.get("/services/data/v62.0/limits", token).statusCode();
    }

    private static void assertSessionExpired(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("[{\"errorCode\":\"INVALID_SESSION_ID\","
                + "\"message\":\"Session expired or invalid\"}]");
    }

    @Test
    void accessTokenExpiresAfterConfiguredLifetimeOnOrgClock() {
        String token = org.accessToken();
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(status(token)).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertSessionExpired(http.get("/services/data/v62.0/limits", token));
    }

    @Test
    void jwtIssuedTokenFollowsTheOrgClockToo() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", org.credentials().clientId());
        claims.put("sub", org.credentials().username());
        claims.put("aud", "https://login.salesforce.com");
        claims.put("exp", clock.instant().getEpochSecond() + 120);
        HttpResponse<String> r = http.postForm("/services/oauth2/token", Map.of("grant_type",
                "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion",
                LocalOrgHttp.jwt(org.credentials().privateKeyPath(), claims)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(LocalOrgHttp.parse(r).path("issued_at").asText())
                .isEqualTo(Long.toString(clock.millis()));
        String token = LocalOrgHttp.parse(r).path("access_token").asText();
        assertThat(status(token)).isEqualTo(200);
        clock.advance(Duration.ofMinutes(11));
        assertThat(status(token)).isEqualTo(401);
    }

    @Test
    void jwtAssertionIsRefusedOnceItsExpHasPassedOnTheOrgClock() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", org.credentials().clientId());
        claims.put("sub", org.credentials().username());
        claims.put("aud", "https://login.salesforce.com");
        claims.put("exp", clock.instant().getEpochSecond() + 60);
        String assertion = LocalOrgHttp.jwt(org.credentials().privateKeyPath(), claims);
        Map<String, String> form = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion", assertion);
        clock.advance(Duration.ofSeconds(59));
        assertThat(http.postForm("/services/oauth2/token", form).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> late = http.postForm("/services/oauth2/token", form);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(LocalOrgHttp.parse(late).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(LocalOrgHttp.parse(late).path("error_description").asText())
                .isEqualTo("expired authorization code");
    }

    @Test
    void controlPlaneExpiresEveryIssuedTokenButNotLaterOnes() {
        String first = org.accessToken();
        String second = org.accessToken();
        assertThat(http.json("POST", "/__emulator/tokens/expire", "").statusCode()).isEqualTo(204);
        assertSessionExpired(http.get("/services/data/v62.0/limits", first));
        assertSessionExpired(http.get("/services/data/v62.0/limits", second));
        assertThat(status(org.accessToken())).isEqualTo(200);
    }

    @Test
    void controlPlaneSetsLifetimeOfTokensIssuedFromNowOn() {
        String old = org.accessToken();
        assertThat(http.json("PUT", "/__emulator/tokens", "{\"ttlSeconds\":30}").statusCode()).isEqualTo(204);
        String shortLived = org.accessToken();
        clock.advance(Duration.ofSeconds(30));
        assertThat(status(shortLived)).isEqualTo(401);
        assertThat(status(old)).isEqualTo(200);
        HttpResponse<String> bad = http.json("PUT", "/__emulator/tokens", "{\"ttlSeconds\":0}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("ttlSeconds must be a positive number");
    }

    @Test
    void refreshTokensOutliveExpiredAccessTokens() {
        String refresh = LocalOrgHttp.parse(http.json("POST", "/__emulator/refresh-tokens", "{}"))
                .path("refresh_token").asText();
        clock.advance(Duration.ofDays(30));
        HttpResponse<String> r = http.postForm("/services/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refresh, "client_id", org.credentials().clientId()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(status(LocalOrgHttp.parse(r).path("access_token").asText())).isEqualTo(200);
    }
}
