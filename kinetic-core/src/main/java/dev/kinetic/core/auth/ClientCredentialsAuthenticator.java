package dev.kinetic.core.auth;

import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.internal.auth.EnvReader;
import dev.kinetic.core.internal.auth.TokenEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OAuth 2.0 client credentials flow ({@code grant_type=client_credentials}), posted to the org's My Domain login
 * URL with the client id and secret. Immutable and thread-safe; {@link #toString()} shows no secret.
 */
public final class ClientCredentialsAuthenticator implements Authenticator {
    private final String clientId;
    private final String clientSecret;
    private final String loginUrl;
    private final String apiVersion;

    private ClientCredentialsAuthenticator(String clientId, String clientSecret, String loginUrl, String apiVersion) {
        this.clientId = Objects.requireNonNull(clientId, "clientId == null");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret == null");
        this.loginUrl = TokenEndpoint.trimSlash(Objects.requireNonNull(loginUrl, "loginUrl == null"));
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion == null");
    }

    /**
     * Creates an authenticator with API version {@code v62.0}.
     *
     * @param clientId the connected app's consumer key
     * @param clientSecret the connected app's consumer secret
     * @param loginUrl the org's My Domain URL, e.g. {@code https://acme.my.salesforce.com}
     * @return the authenticator
     */
    public static ClientCredentialsAuthenticator of(String clientId, String clientSecret, String loginUrl) {
        return new ClientCredentialsAuthenticator(clientId, clientSecret, loginUrl,
                SalesforceSession.DEFAULT_API_VERSION);
    }

    /**
     * A copy with another API version.
     *
     * @param version e.g. {@code v62.0}
     * @return the copy
     */
    public ClientCredentialsAuthenticator withApiVersion(String version) {
        return new ClientCredentialsAuthenticator(clientId, clientSecret, loginUrl, version);
    }

    /**
     * Reads SF_CLIENT_ID, SF_CLIENT_SECRET, SF_LOGIN_URL (the My Domain URL, required) and SF_API_VERSION.
     *
     * @return the authenticator
     * @throws AuthenticationException naming every missing variable
     */
    public static ClientCredentialsAuthenticator fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Like {@link #fromEnv()}, from the given variables.
     *
     * @param env the variables
     * @return the authenticator
     * @throws AuthenticationException naming every missing variable
     */
    public static ClientCredentialsAuthenticator fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env, "ClientCredentialsAuthenticator");
        String id = r.required("SF_CLIENT_ID");
        String secret = r.required("SF_CLIENT_SECRET");
        String url = r.required("SF_LOGIN_URL");
        r.check();
        return new ClientCredentialsAuthenticator(id, secret, url,
                r.optionalOr("SF_API_VERSION", SalesforceSession.DEFAULT_API_VERSION));
    }

    @Override
    public SalesforceSession authenticate() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return TokenEndpoint.post(loginUrl, form, null, apiVersion, "client credentials for client " + clientId);
    }

    @Override
    public String toString() {
        return "ClientCredentialsAuthenticator[clientId=" + clientId + ", loginUrl=" + loginUrl
                + ", clientSecret=***]";
    }
}
