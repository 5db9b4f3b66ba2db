package dev.kinetic.core.auth;

import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.internal.auth.EnvReader;
import dev.kinetic.core.internal.auth.TokenEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OAuth 2.0 username-password flow ({@code grant_type=password}); the security token, if any, is appended to the
 * password. Immutable and thread-safe; {@link #toString()} shows no secret.
 */
public final class PasswordAuthenticator implements Authenticator {
    private final String clientId;
    private final String clientSecret;
    private final String username;
    private final String password;
    private final String securityToken;
    private final String loginUrl;
    private final String apiVersion;

    private PasswordAuthenticator(Builder b) {
        this.clientId = Objects.requireNonNull(b.clientId, "clientId == null");
        this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret == null");
        this.username = Objects.requireNonNull(b.username, "username == null");
        this.password = Objects.requireNonNull(b.password, "password == null");
        this.securityToken = b.securityToken == null ? "" : b.securityToken;
        this.loginUrl = TokenEndpoint.trimSlash(b.loginUrl);
        this.apiVersion = b.apiVersion;
    }

    /** {@return a builder; login URL {@code https://login.salesforce.com} and API version {@code v62.0} by default} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads SF_CLIENT_ID, SF_CLIENT_SECRET, SF_USERNAME, SF_PASSWORD, SF_SECURITY_TOKEN (optional), SF_LOGIN_URL and
     * SF_API_VERSION from the environment.
     *
     * @return the authenticator
     * @throws AuthenticationException naming every missing variable
     */
    public static PasswordAuthenticator fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Like {@link #fromEnv()}, from the given variables.
     *
     * @param env the variables
     * @return the authenticator
     * @throws AuthenticationException naming every missing variable
     */
    public static PasswordAuthenticator fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env, "PasswordAuthenticator");
        Builder b = builder().clientId(r.required("SF_CLIENT_ID")).clientSecret(r.required("SF_CLIENT_SECRET"))
                .username(r.required("SF_USERNAME")).password(r.required("SF_PASSWORD"))
                .securityToken(r.optional("SF_SECURITY_TOKEN"));
        r.check();
        return b.loginUrl(r.optionalOr("SF_LOGIN_URL", TokenEndpoint.DEFAULT_LOGIN_URL))
                .apiVersion(r.optionalOr("SF_API_VERSION", SalesforceSession.DEFAULT_API_VERSION)).build();
    }

    @Override
    public SalesforceSession authenticate() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("username", username);
        form.put("password", password + securityToken);
        return TokenEndpoint.post(loginUrl, form, null, apiVersion, "username-password for user " + username);
    }

    @Override
    public String toString() {
        return "PasswordAuthenticator[clientId=" + clientId + ", username=" + username + ", loginUrl=" + loginUrl
                + ", password=***, clientSecret=***]";
    }

    /** Builds a {@link PasswordAuthenticator}. Not thread-safe. */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private String username;
        private String password;
        private String securityToken;
        private String loginUrl = TokenEndpoint.DEFAULT_LOGIN_URL;
        private String apiVersion = SalesforceSession.DEFAULT_API_VERSION;

        private Builder() {
        }

        /**
         * The connected app's consumer key.
         *
         * @param clientId the key
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * The connected app's consumer secret.
         *
         * @param clientSecret the secret
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * The username.
         *
         * @param username the username
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * The password.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * The user's security token, appended to the password; {@code null} or empty for none.
         *
         * @param securityToken the token
         * @return this builder
         */
        public Builder securityToken(String securityToken) {
            this.securityToken = securityToken;
            return this;
        }

        /**
         * The login URL; default {@code https://login.salesforce.com}.
         *
         * @param loginUrl the URL
         * @return this builder
         */
        public Builder loginUrl(String loginUrl) {
            this.loginUrl = Objects.requireNonNull(loginUrl, "loginUrl == null");
            return this;
        }

        /**
         * The API version of the sessions; default {@code v62.0}.
         *
         * @param apiVersion e.g. {@code v62.0}
         * @return this builder
         */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion == null");
            return this;
        }

        /**
         * Builds the authenticator.
         *
         * @return the authenticator
         * @throws NullPointerException if a required value is missing
         */
        public PasswordAuthenticator build() {
            return new PasswordAuthenticator(this);
        }
    }
}
