package dev.kinetic.emulator.auth;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.http.ApiSession;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.http.TokenVerifier;
import dev.kinetic.emulator.http.rest.RecordReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * OAuth for the local org: creates or loads the org's identity (org id, admin user, connected app, key pair,
 * password), serves the token, revoke, userinfo and identity endpoints, and checks the access tokens of every API
 * call. The control plane drives token lifetimes through it. Thread-safe.
 */
public final class AuthModule implements RouteModule, TokenVerifier {
    private final OrgIdentity identity;
    private final UserDirectory users;
    private final ConnectedApps apps;
    private final TokenStore tokens;
    private final OAuthRoutes routes;

    /**
     * Loads the org's identity from the database, creating it on first start.
     *
     * @param context the org
     * @param keyDir where the connected app's private key file is kept
     * @param baseUri the org's base URI once the server listens (instance URL and login URL)
     * @param known the plain client secret, password and security token the last start handed out (the database
     *     keeps only their hashes); a value that is absent or no longer matches is replaced by a new one
     * @throws IllegalStateException when the identity cannot be stored or the key file cannot be written
     */
    public AuthModule(OrgContext context, Path keyDir, Supplier<URI> baseUri, PlainSecrets known) {
        Objects.requireNonNull(baseUri, "baseUri == null");
        try {
            this.identity = new IdentityStore(context.database(), context.clock(),
                    context.config().dataDir().isEmpty()).loadOrCreate(keyDir, known);
            this.tokens = new TokenStore(context.database(), context.clock(), identity.orgId15(),
                    context.config().tokenTtl());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot set up the local org's credentials under " + keyDir + ": "
                    + e.getMessage(), e);
        }
        this.users = new UserDirectory(context.database());
        this.apps = new ConnectedApps(context.database());
        TokenEndpoint endpoint = new TokenEndpoint(identity, apps, users, tokens, baseUri, context.clock());
        IdentityViews views = new IdentityViews(identity, context.schema(), new RecordReader(context.database()),
                baseUri);
        this.routes = new OAuthRoutes(endpoint, tokens, views);
    }

    /** The org's identity: org id, admin user, connected app, secrets and key file. */
    public OrgIdentity identity() {
        return identity;
    }

    /** A new access token for the org's admin user through the org's connected app. */
    public String adminAccessToken() {
        UserDirectory.Account admin = new UserDirectory.Account(identity.adminUserId(), identity.adminUsername(),
                true);
        return tokens.issueAccess(admin, identity.clientId(), Optional.empty());
    }

    /**
     * A new refresh token for a user, as if the user had approved the app in a browser.
     *
     * @param username an existing, active user's username
     * @param clientId the connected app; empty for the org's own
     * @throws IllegalArgumentException naming the unknown user or client
     */
    public String mintRefreshToken(String username, Optional<String> clientId) {
        UserDirectory.Account user = users.byUsername(Objects.requireNonNull(username, "username == null"))
                .filter(UserDirectory.Account::active)
                .orElseThrow(() -> new IllegalArgumentException("no active user has the username " + username
                        + "; the org's admin is " + identity.adminUsername()));
        String app = clientId.orElse(identity.clientId());
        if (apps.find(app).isEmpty()) {
            throw new IllegalArgumentException("no connected app has the client id " + app
                    + "; leave clientId out to use the org's own app");
        }
        return tokens.issueRefresh(user, app);
    }

    /** Sets the lifetime of access tokens issued from now on. */
    public void tokenTtl(Duration ttl) {
        tokens.ttl(ttl);
    }

    /** Makes every access token issued so far expire now (refresh tokens stay valid). */
    public void expireAllAccessTokens() {
        tokens.expireAllAccessTokens();
    }

    @Override
    public Optional<ApiSession> verify(String accessToken) {
        return tokens.access(accessToken)
                .map(i -> new ApiSession(i.userId(), identity.orgId(), i.username()));
    }

    @Override
    public void register(Routes table) {
        routes.register(table);
    }
}
