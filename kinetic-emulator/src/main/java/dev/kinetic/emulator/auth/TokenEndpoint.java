package dev.kinetic.emulator.auth;

import dev.kinetic.emulator.http.ApiExchange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /services/oauth2/token}: the JWT bearer, password, client credentials and refresh token grants, with
 * Salesforce's token response and OAuth error JSON. Thread-safe.
 */
final class TokenEndpoint {
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final OrgIdentity identity;
    private final ConnectedApps apps;
    private final UserDirectory users;
    private final TokenStore tokens;
    private final JwtBearerGrant jwt;
    private final Supplier<URI> baseUri;
    private final Clock clock;

    TokenEndpoint(OrgIdentity identity, ConnectedApps apps, UserDirectory users, TokenStore tokens,
                  Supplier<URI> baseUri, Clock clock) {
        this.identity = identity;
        this.apps = apps;
        this.users = users;
        this.tokens = tokens;
        this.jwt = new JwtBearerGrant(apps, users, clock);
        this.baseUri = baseUri;
        this.clock = clock;
    }

    /** Handles one token request. */
    void handle(ApiExchange exchange) {
        FormBody form = FormBody.of(exchange);
        try {
            String grantType = form.get("grant_type").orElse("");
            Map<String, Object> response = switch (grantType) {
                case JWT_BEARER -> jwtBearer(exchange, form);
                case "password" -> password(form);
                case "client_credentials" -> clientCredentials(exchange, form);
                case "refresh_token" -> refresh(form);
                default -> throw new OAuthError("unsupported_grant_type", "grant type not supported");
            };
            exchange.json(200, response);
        } catch (OAuthError e) {
            render(exchange, e);
        }
    }

    /** Sends the standard OAuth error JSON with status 400. */
    static void render(ApiExchange exchange, OAuthError e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        exchange.json(400, body);
    }

    private Map<String, Object> jwtBearer(ApiExchange exchange, FormBody form) throws OAuthError {
        List<String> audiences = new java.util.ArrayList<>(List.of("https://login.salesforce.com",
                "https://test.salesforce.com", baseUri.get().toString()));
        exchange.header("Host").ifPresent(h -> audiences.add("http://" + h));
        JwtBearerGrant.Grant grant = jwt.verify(form.get("assertion").orElse(null), audiences);
        return response(grant.user(), grant.app(), Optional.empty(), "api id full");
    }

    private Map<String, Object> password(FormBody form) throws OAuthError {
        ConnectedApps.App app = apps.find(form.get("client_id").orElse(null)).orElseThrow(OAuthError::unknownClient);
        if (!app.secretMatches(form.get("client_secret").orElse(""))) {
            throw OAuthError.badClientSecret();
        }
        UserDirectory.Account user = users.byUsername(form.get("username").orElse(""))
                .filter(u -> u.active() && users.passwordMatches(u.id(), form.get("password").orElse("")))
                .orElseThrow(() -> OAuthError.invalidGrant(
                        "invalid username, password, security token; or user locked out."));
        return response(user, app, Optional.empty(), null);
    }

    private Map<String, Object> clientCredentials(ApiExchange exchange, FormBody form) throws OAuthError {
        String clientId = form.get("client_id").orElse(null);
        String secret = form.get("client_secret").orElse(null);
        Optional<String> basic = exchange.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        if (basic.isPresent()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(basic.get().substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.badClientSecret();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.badClientSecret();
            }
            clientId = decoded.substring(0, colon);
            secret = decoded.substring(colon + 1);
        }
        ConnectedApps.App app = apps.find(clientId).orElseThrow(OAuthError::badClientSecret);
        if (!app.secretMatches(secret)) {
            throw OAuthError.badClientSecret();
        }
        UserDirectory.Account user = users.byId(app.executionUserId()).filter(UserDirectory.Account::active)
                .orElseThrow(() -> OAuthError.invalidGrant("no client credentials user enabled"));
        return response(user, app, Optional.empty(), "api");
    }

    private Map<String, Object> refresh(FormBody form) throws OAuthError {
        String refreshToken = form.get("refresh_token").orElse("");
        ConnectedApps.App app = apps.find(form.get("client_id").orElse(null)).orElseThrow(OAuthError::unknownClient);
        Optional<String> secret = form.get("client_secret");
        if (secret.isPresent() && !app.secretMatches(secret.get())) {
            throw OAuthError.badClientSecret();
        }
        TokenStore.Issued issued = tokens.refresh(refreshToken)
                .filter(i -> i.clientId().equals(app.clientId()))
                .orElseThrow(() -> OAuthError.invalidGrant("expired access/refresh token"));
        UserDirectory.Account user = users.byId(issued.userId()).filter(UserDirectory.Account::active)
                .orElseThrow(() -> OAuthError.invalidGrant("inactive user"));
        return response(user, app, Optional.of(refreshToken), "api refresh_token");
    }

    /** The token response of a fresh access token, in Salesforce's field order. */
    Map<String, Object> response(UserDirectory.Account user, ConnectedApps.App app, Optional<String> fromRefresh,
                                 String scope) {
        String accessToken = tokens.issueAccess(user, app.clientId(), fromRefresh);
        String base = baseUri.get().toString();
        String id = base + "/id/" + identity.orgId() + "/" + user.id();
        String issuedAt = Long.toString(clock.millis());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        // The org has one connected app, whose plain secret it holds in memory; the database keeps only its hash.
        body.put("signature", signature(identity.clientSecret(), id + issuedAt));
        if (scope != null) {
            body.put("scope", scope);
        }
        body.put("instance_url", base);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return body;
    }

    // Salesforce signs id + issued_at with the consumer secret (HMAC-SHA256, base64).
    private static String signature(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
