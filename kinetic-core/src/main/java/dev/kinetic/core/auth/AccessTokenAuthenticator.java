package dev.kinetic.core.auth;

import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.internal.auth.EnvReader;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A plain access token obtained elsewhere (e.g. {@code sf org display}). It cannot renew the token: authenticating
 * again returns the same session. Immutable and thread-safe; {@link #toString()} shows no token.
 */
public final class AccessTokenAuthenticator implements Authenticator {
    private final SalesforceSession session;

    private AccessTokenAuthenticator(SalesforceSession session) {
        this.session = session;
    }

    /**
     * Creates an authenticator with API version {@code v62.0}.
     *
     * @param instanceUrl the org's URL
     * @param accessToken the token
     * @return the authenticator
     */
    public static AccessTokenAuthenticator of(String instanceUrl, String accessToken) {
        return of(instanceUrl, accessToken, SalesforceSession.DEFAULT_API_VERSION);
    }

    /**
     * Creates an authenticator.
     *
     * @param instanceUrl the org's URL
     * @param accessToken the token
     * @param apiVersion e.g. {@code v62.0}
     * @return the authenticator
     */
    public static AccessTokenAuthenticator of(String instanceUrl, String accessToken, String apiVersion) {
        Objects.requireNonNull(instanceUrl, "instanceUrl == null");
        String url = instanceUrl.endsWith("/") ? instanceUrl.substring(0, instanceUrl.length() - 1) : instanceUrl;
        return new AccessTokenAuthenticator(SalesforceSession.of(URI.create(url), accessToken, apiVersion));
    }

    /**
     * Reads SF_INSTANCE_URL, SF_ACCESS_TOKEN and SF_API_VERSION (optional).
     *
     * @return the authenticator
     * @throws AuthenticationException naming every missing variable
     */
    public static AccessTokenAuthenticator fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Like {@link #fromEnv()}, from the given variables.
     *
     * @param env the variables
     * @return the authenticator
     * @throws AuthenticationException naming every missing variable
     */
    public static AccessTokenAuthenticator fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env, "AccessTokenAuthenticator");
        String url = r.required("SF_INSTANCE_URL");
        String token = r.required("SF_ACCESS_TOKEN");
        r.check();
        return of(url, token, r.optionalOr("SF_API_VERSION", SalesforceSession.DEFAULT_API_VERSION));
    }

    @Override
    public SalesforceSession authenticate() {
        return session;
    }

    @Override
    public String toString() {
        return "AccessTokenAuthenticator[instanceUrl=" + session.instanceUrl() + ", accessToken=***]";
    }
}
