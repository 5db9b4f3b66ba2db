package dev.kinetic.core.auth;

import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.internal.auth.EnvReader;
import dev.kinetic.core.internal.auth.TokenEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OAuth 2.0 refresh token flow ({@code grant_type=refresh_token}): trades a refresh token for a fresh access token
 * each time it authenticates. Immutable and thread-safe; {@link #toString()} shows no token or secret.
 */
public final class RefreshTokenAuthenticator implements Authenticator {
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final String loginUrl;
    private final String apiVersion;

    private RefreshTokenAuthenticator(String clientId, String clientSecret, String refreshToken, String loginUrl,
                                      String apiVersion) {
        this.clientId = Objects.requireNonNull(clientId, "clientId == null");
        this.clientSecret = clientSecret;
        this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken == null");
        this.loginUrl = TokenEndpoint.trimSlash(Objects.requireNonNull(loginUrl, "loginUrl == null"));
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion == null");
    }

    /**
     * Creates an authenticator with API version {@code v62.0}.
     *
     * @param clientId the connected app's consumer key
     * @param clientSecret the consumer secret, or {@code null} if the app does not require it
     * @param refreshToken the refresh token
     * @param loginUrl the login URL, e.g. {@code https://login.salesforce.com}
     * @return the authenticator
     */
    public static RefreshTokenAuthenticator of(String clientId, String clientSecret, String refreshToken,
                                               String loginUrl) {
        return new RefreshTokenAuthenticator(clientId, clientSecret, refreshToken, loginUrl,
                SalesforceSession.DEFAULT_API_VERSION);
    }

    /**
     * A copy with another API version.
     *
     * @param version e.g. {@code v62.0}
     * @return the copy
     */
    public RefreshTokenAuthenticator withApiVersion(String version) {
        return new RefreshTokenAuthenticator(clientId, clientSecret, refreshToken, loginUrl, version);
    }

    /**
     * Reads SF_CLIENT_ID, SF_REFRESH_TOKEN, SF_CLIENT_SECRET (optional), SF_LOGIN_URL and SF_API_VERSION.
     *
     * @return the authenticator
     * @throws AuthenticationException naming every missing variable
     */
    public static RefreshTokenAuthenticator fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Like {@link #fromEnv()}, from the given variables.
     *
     * @param env the variables
     * @return the authenticator
     * @throws AuthenticationException naming every missing variable
     */
    public static RefreshTokenAuthenticator fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env, "RefreshTokenAuthenticator");
        String id = r.required("SF_CLIENT_ID");
        String token = r.required("SF_REFRESH_TOKEN");
        r.check();
        return new RefreshTokenAuthenticator(id, r.optional("SF_CLIENT_SECRET"), token,
                r.optionalOr("SF_LOGIN_URL", TokenEndpoint.DEFAULT_LOGIN_URL),
                r.optionalOr("SF_API_VERSION", SalesforceSession.DEFAULT_API_VERSION));
    }

    @Override
    public SalesforceSession authenticate() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        form.put("refresh_token", refreshToken);
        return TokenEndpoint.post(loginUrl, form, null, apiVersion, "refresh token for client " + clientId);
    }

    @Override
    public String toString() {
        return "RefreshTokenAuthenticator[clientId=" + clientId + ", loginUrl=" + loginUrl
                + ", refreshToken=***]";
    }
}
