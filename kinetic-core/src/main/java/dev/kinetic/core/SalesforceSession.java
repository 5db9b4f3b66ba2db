package dev.kinetic.core;

import java.net.URI;
import java.util.Objects;

/**
 * An authenticated session: the instance URL, the access token and the API version to call. Immutable and
 * thread-safe. {@link #toString()} never shows the token.
 */
public final class SalesforceSession {
    /** The API version used when none is given. */
    public static final String DEFAULT_API_VERSION = "v62.0";

    private final URI instanceUrl;
    private final String accessToken;
    private final String apiVersion;

    private SalesforceSession(URI instanceUrl, String accessToken, String apiVersion) {
        this.instanceUrl = Objects.requireNonNull(instanceUrl, "instanceUrl == null");
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken == null");
        this.apiVersion = normaliseVersion(Objects.requireNonNull(apiVersion, "apiVersion == null"));
    }

    /**
     * Creates a session.
     *
     * @param instanceUrl the org's base URL, e.g. {@code https://mydomain.my.salesforce.com}
     * @param accessToken the OAuth access token
     * @param apiVersion the API version, {@code v62.0} or {@code 62.0}
     * @return the session
     * @throws IllegalArgumentException if the API version is not a number like 62.0
     */
    public static SalesforceSession of(URI instanceUrl, String accessToken, String apiVersion) {
        return new SalesforceSession(instanceUrl, accessToken, apiVersion);
    }

    /**
     * Creates a session with the {@link #DEFAULT_API_VERSION}.
     *
     * @param instanceUrl the org's base URL
     * @param accessToken the OAuth access token
     * @return the session
     */
    public static SalesforceSession of(URI instanceUrl, String accessToken) {
        return new SalesforceSession(instanceUrl, accessToken, DEFAULT_API_VERSION);
    }

    /** {@return the org's base URL, without a trailing slash} */
    public URI instanceUrl() {
        return instanceUrl;
    }

    /** {@return the access token} Handle with care: never log it. */
    public String accessToken() {
        return accessToken;
    }

    /** {@return the API version with its {@code v}, e.g. {@code v62.0}} */
    public String apiVersion() {
        return apiVersion;
    }

    /**
     * A copy with another access token, e.g. after re-authentication.
     *
     * @param newAccessToken the new token
     * @return the new session
     */
    public SalesforceSession withAccessToken(String newAccessToken) {
        return new SalesforceSession(instanceUrl, newAccessToken, apiVersion);
    }

    /**
     * A copy with another API version.
     *
     * @param newApiVersion the version, {@code v62.0} or {@code 62.0}
     * @return the new session
     */
    public SalesforceSession withApiVersion(String newApiVersion) {
        return new SalesforceSession(instanceUrl, accessToken, newApiVersion);
    }

    static String normaliseVersion(String version) {
        String v = version.trim();
        if (v.startsWith("v") || v.startsWith("V")) {
            v = v.substring(1);
        }
        if (!v.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("API version must look like v62.0; got '" + version + "'");
        }
        return "v" + v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SalesforceSession s && s.instanceUrl.equals(instanceUrl)
                && s.accessToken.equals(accessToken) && s.apiVersion.equals(apiVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instanceUrl, accessToken, apiVersion);
    }

    @Override
    public String toString() {
        return "SalesforceSession[instanceUrl=" + instanceUrl + ", apiVersion=" + apiVersion + ", accessToken=***]";
    }
}
