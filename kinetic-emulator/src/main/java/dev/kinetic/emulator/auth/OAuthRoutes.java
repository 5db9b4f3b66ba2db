package dev.kinetic.emulator.auth;

import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.Routes;

/**
 * The OAuth endpoints: {@code POST /services/oauth2/token}, {@code /services/oauth2/revoke} (POST or GET),
 * {@code GET /services/oauth2/userinfo} and the identity URL {@code GET /id/{orgId}/{userId}}. Thread-safe.
 */
final class OAuthRoutes {
    private final TokenEndpoint token;
    private final TokenStore tokens;
    private final IdentityViews views;

    OAuthRoutes(TokenEndpoint token, TokenStore tokens, IdentityViews views) {
        this.token = token;
        this.tokens = tokens;
        this.views = views;
    }

    void register(Routes routes) {
        routes.public_("POST", "/services/oauth2/token", token::handle);
        routes.public_("POST", "/services/oauth2/revoke", this::revoke);
        routes.public_("GET", "/services/oauth2/revoke", this::revoke);
        routes.add("GET", "/services/oauth2/userinfo", ex -> ex.json(200, views.userInfo(ex.session().userId())));
        routes.add("POST", "/services/oauth2/userinfo", ex -> ex.json(200, views.userInfo(ex.session().userId())));
        routes.add("GET", "/id/{orgId}/{userId}",
                ex -> ex.json(200, views.identityUrl(ex.pathParam("orgId"), ex.pathParam("userId"))));
    }

    // Revokes an access or refresh token; answers 200 with no body, as Salesforce does.
    private void revoke(ApiExchange exchange) {
        String value = FormBody.of(exchange).get("token").orElse("");
        if (!tokens.revoke(value)) {
            TokenEndpoint.render(exchange, new OAuthError("unsupported_token_type",
                    "this token type is not supported"));
            return;
        }
        exchange.empty(200);
    }
}
