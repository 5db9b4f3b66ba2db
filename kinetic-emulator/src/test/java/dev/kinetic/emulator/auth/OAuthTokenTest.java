package dev.kinetic.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgCredentials;
import dev.kinetic.emulator.LocalOrgHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthTokenTest {
    private static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static LocalOrg org;
    private static LocalOrgHttp http;
    private static LocalOrgCredentials creds;

    @BeforeAll
    static void start() {
        org = LocalOrg.start(LocalOrgConfig.defaults());
        http = LocalOrgHttp.of(org);
        creds = org.credentials();
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    private static Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", creds.clientId());
        c.put("sub", creds.username());
        c.put("aud", org.baseUri().toString());
        c.put("exp", String.valueOf(System.currentTimeMillis() / 1000 + 170));
        return c;
    }

    private static HttpResponse<String> jwtGrant(String assertion) {
        return http.postForm("/services/oauth2/token", Map.of("grant_type", JWT_GRANT, "assertion", assertion));
    }

    private static void assertOAuthError(HttpResponse<String> r, String error, String description) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = LocalOrgHttp.parse(r);
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("error_description").asText()).isEqualTo(description);
        assertThat(body.has("access_token")).isFalse();
    }

    private static void assertTokenWorks(String token) {
        HttpResponse<String> r = http.get("/services/data/v62.0/limits", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void jwtBearerGrantIssuesSalesforceShapedTokenResponse() {
        long before = System.currentTimeMillis();
        HttpResponse<String> r = jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), claims()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = LocalOrgHttp.parse(r);
        String token = body.path("access_token").asText();
        assertThat(token).matches("00D[0-9A-Za-z]{12}![0-9A-Za-z]{20,}");
        assertThat(token).startsWith(org.orgId().substring(0, 15) + "!");
        assertThat(body.path("instance_url").asText()).isEqualTo(org.baseUri().toString());
        assertThat(body.path("id").asText())
                .isEqualTo(org.baseUri() + "/id/" + org.orgId() + "/" + org.adminUserId());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("issued_at").isTextual()).isTrue();
        assertThat(Long.parseLong(body.path("issued_at").asText())).isBetween(before, System.currentTimeMillis());
        assertThat(Base64.getDecoder().decode(body.path("signature").asText())).hasSize(32);
        assertThat(body.path("scope").asText()).contains("api");
        assertThat(body.has("refresh_token")).isFalse();
        assertTokenWorks(token);
    }

    @Test
    void jwtBearerAcceptsNumericExpPrnAndSalesforceLoginAudiences() {
        for (String aud : new String[] {"https://login.salesforce.com", "https://test.salesforce.com/",
                org.baseUri() + "/"}) {
            Map<String, Object> c = claims();
            c.remove("sub");
            c.put("prn", creds.username().toUpperCase());
            c.put("aud", aud);
            c.put("exp", System.currentTimeMillis() / 1000 + 60);
            HttpResponse<String> r = jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c));
            assertThat(r.statusCode()).as(aud + ": " + r.body()).isEqualTo(200);
        }
    }

    @Test
    void jwtSignedWithAnotherKeyIsAnInvalidAssertion() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        PrivateKey other = g.generateKeyPair().getPrivate();
        assertOAuthError(jwtGrant(LocalOrgHttp.jwt(other, claims())), "invalid_grant", "invalid assertion");
    }

    @Test
    void malformedAssertionIsAnInvalidAssertion() {
        assertOAuthError(jwtGrant("not-a-jwt"), "invalid_grant", "invalid assertion");
        String jwt = LocalOrgHttp.jwt(creds.privateKeyPath(), claims());
        String tampered = jwt.substring(0, jwt.length() - 4) + (jwt.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertOAuthError(jwtGrant(tampered), "invalid_grant", "invalid assertion");
    }

    @Test
    void jwtWithWrongAudienceIsRefused() {
        Map<String, Object> c = claims();
        c.put("aud", "https://example.com");
        assertOAuthError(jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c)), "invalid_grant",
                "audience is invalid");
    }

    @Test
    void expiredJwtIsRefused() {
        Map<String, Object> c = claims();
        c.put("exp", String.valueOf(System.currentTimeMillis() / 1000 - 10));
        assertOAuthError(jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c)), "invalid_grant",
                "expired authorization code");
        c.remove("exp");
        assertOAuthError(jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c)), "invalid_grant",
                "expired authorization code");
    }

    @Test
    void jwtExpiringAnyTimeAheadIsAcceptedInSecondsOrMilliseconds() {
        long nowMillis = System.currentTimeMillis();
        Object[] exps = {
            nowMillis / 1000 + 270,                       // Camel
            String.valueOf(nowMillis / 1000 + 300),       // the Python library, as a string
            nowMillis + 300,                              // the Salesforce CLI: Date.now() + 300, milliseconds
            String.valueOf(nowMillis + 3_600_000),        // milliseconds as a string, an hour ahead
            nowMillis / 1000 + 365L * 24 * 3600,          // a year ahead, seconds
        };
        for (Object exp : exps) {
            Map<String, Object> c = claims();
            c.put("exp", exp);
            HttpResponse<String> r = jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c));
            assertThat(r.statusCode()).as(exp + ": " + r.body()).isEqualTo(200);
            assertTokenWorks(LocalOrgHttp.parse(r).path("access_token").asText());
        }
    }

    @Test
    void jwtExpiredInMillisecondsOrNotANumberIsRefused() {
        Map<String, Object> c = claims();
        c.put("exp", System.currentTimeMillis() - 10_000);
        assertOAuthError(jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c)), "invalid_grant",
                "expired authorization code");
        c.put("exp", "tomorrow");
        assertOAuthError(jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c)), "invalid_grant",
                "invalid assertion");
    }

    @Test
    void jwtForUnknownUserIsRefused() {
        Map<String, Object> c = claims();
        c.put("sub", "nobody@kinetic.local");
        assertOAuthError(jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c)), "invalid_grant",
                "user hasn't approved this consumer");
    }

    @Test
    void jwtLogsInAnyActiveUserOfTheOrgButNotAnInactiveOne() {
        String profileId = LocalOrgHttp.parse(http.get("/services/data/v62.0/sobjects/User/" + org.adminUserId(),
                org.accessToken())).path("ProfileId").asText();
        String users = "[" + user("jwt.active@kinetic.local", true, profileId) + ","
                + user("jwt.inactive@kinetic.local", false, profileId) + "]";
        HttpResponse<String> seeded = http.json("POST", "/__emulator/records/User", users);
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
        String activeId = LocalOrgHttp.parse(seeded).path("ids").get(0).asText();

        Map<String, Object> c = claims();
        c.put("sub", "jwt.active@kinetic.local");
        HttpResponse<String> ok = jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(LocalOrgHttp.parse(ok).path("id").asText()).endsWith("/" + activeId);
        String token = LocalOrgHttp.parse(ok).path("access_token").asText();
        assertThat(LocalOrgHttp.parse(http.get("/services/oauth2/userinfo", token)).path("user_id").asText())
                .isEqualTo(activeId);

        c.put("sub", "jwt.inactive@kinetic.local");
        assertOAuthError(jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c)), "invalid_grant",
                "user hasn't approved this consumer");
    }

    private static String user(String username, boolean active, String profileId) {
        String alias = username.substring(4, 10);
        return "{\"Username\":\"" + username + "\",\"LastName\":\"Jwt\",\"Email\":\"" + username + "\","
                + "\"Alias\":\"" + alias + "\",\"CommunityNickname\":\"" + alias + "\",\"TimeZoneSidKey\":\"GMT\","
                + "\"LocaleSidKey\":\"en_US\",\"EmailEncodingKey\":\"UTF-8\",\"LanguageLocaleKey\":\"en_US\","
                + "\"ProfileId\":\"" + profileId + "\",\"IsActive\":" + active + "}";
    }

    @Test
    void jwtForUnknownClientIsRefused() {
        Map<String, Object> c = claims();
        c.put("iss", "3MVG9unknown");
        assertOAuthError(jwtGrant(LocalOrgHttp.jwt(creds.privateKeyPath(), c)), "invalid_client_id",
                "client identifier invalid");
    }

    @Test
    void passwordGrantNeedsPasswordPlusSecurityToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", creds.clientId());
        form.put("client_secret", creds.clientSecret());
        form.put("username", creds.username());
        form.put("password", creds.password() + creds.securityToken());
        HttpResponse<String> ok = http.postForm("/services/oauth2/token", form);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode body = LocalOrgHttp.parse(ok);
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertTokenWorks(body.path("access_token").asText());

        form.put("password", creds.password());
        assertOAuthError(http.postForm("/services/oauth2/token", form), "invalid_grant",
                "invalid username, password, security token; or user locked out.");
        form.put("password", creds.password() + creds.securityToken());
        form.put("client_secret", "wrong");
        assertOAuthError(http.postForm("/services/oauth2/token", form), "invalid_client",
                "invalid client credentials");
        form.put("client_id", "3MVG9unknown");
        assertOAuthError(http.postForm("/services/oauth2/token", form), "invalid_client_id",
                "client identifier invalid");
    }

    @Test
    void clientCredentialsRunAsTheAppsExecutionUserWithBodyOrBasicHeader() {
        HttpResponse<String> body = http.postForm("/services/oauth2/token", Map.of("grant_type",
                "client_credentials", "client_id", creds.clientId(), "client_secret", creds.clientSecret()));
        assertThat(body.statusCode()).as(body.body()).isEqualTo(200);
        assertThat(LocalOrgHttp.parse(body).path("id").asText()).endsWith("/" + org.adminUserId());
        assertTokenWorks(LocalOrgHttp.parse(body).path("access_token").asText());

        String basic = Base64.getEncoder().encodeToString((creds.clientId() + ":" + creds.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> header = http.send(http.formRequest("/services/oauth2/token",
                Map.of("grant_type", "client_credentials")).header("Authorization", "Basic " + basic).build());
        assertThat(header.statusCode()).as(header.body()).isEqualTo(200);
        assertTokenWorks(LocalOrgHttp.parse(header).path("access_token").asText());

        assertOAuthError(http.postForm("/services/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", creds.clientId(), "client_secret", "nope")), "invalid_client",
                "invalid client credentials");
    }

    @Test
    void refreshTokenMintedByControlPlaneGrantsAccessUntilRevoked() {
        HttpResponse<String> minted = http.json("POST", "/__emulator/refresh-tokens",
                "{\"username\":\"" + creds.username() + "\"}");
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        String refresh = LocalOrgHttp.parse(minted).path("refresh_token").asText();
        assertThat(refresh).isNotBlank();

        Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token", refresh,
                "client_id", creds.clientId());
        HttpResponse<String> granted = http.postForm("/services/oauth2/token", form);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        JsonNode body = LocalOrgHttp.parse(granted);
        assertThat(body.has("refresh_token")).isFalse();
        String access = body.path("access_token").asText();
        assertTokenWorks(access);

        HttpResponse<String> revoked = http.postForm("/services/oauth2/revoke", Map.of("token", refresh));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertOAuthError(http.postForm("/services/oauth2/token", form), "invalid_grant",
                "expired access/refresh token");
        assertThat(http.get("/services/data/v62.0/limits", access).statusCode()).isEqualTo(401);
        assertOAuthError(http.postForm("/services/oauth2/revoke", Map.of("token", refresh)),
                "unsupported_token_type", "this token type is not supported");
    }

    @Test
    void revokingAnAccessTokenEndsItsSession() {
        String token = org.accessToken();
        assertTokenWorks(token);
        assertThat(http.postForm("/services/oauth2/revoke", Map.of("token", token)).statusCode()).isEqualTo(200);
        HttpResponse<String> after = http.get("/services/data/v62.0/limits", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("INVALID_SESSION_ID").contains("Session expired or invalid");
    }

    @Test
    void unknownGrantTypeIsUnsupported() {
        assertOAuthError(http.postForm("/services/oauth2/token", Map.of("grant_type", "authorization_code")),
                "unsupported_grant_type", "grant type not supported");
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(http.uri("/services/oauth2/token"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertOAuthError(none, "unsupported_grant_type", "grant type not supported");
    }
}
