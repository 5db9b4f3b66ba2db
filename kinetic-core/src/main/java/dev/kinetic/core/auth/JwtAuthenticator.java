package dev.kinetic.core.auth;

import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.internal.auth.EnvReader;
import dev.kinetic.core.internal.auth.JwtSigner;
import dev.kinetic.core.internal.auth.TokenEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OAuth 2.0 JWT bearer flow: signs an assertion ({@code iss} = client id, {@code sub} = username, {@code aud} = login
 * URL, {@code exp} = now + 3 minutes) with the connected app's RSA private key (PKCS#8 or PKCS#1 PEM, from a file or
 * a string) and exchanges it for an access token. Immutable and thread-safe; {@link #toString()} shows no key.
 */
public final class JwtAuthenticator implements Authenticator {
    private final String clientId;
    private final String username;
    private final Path privateKeyPath;
    private final String privateKeyPem;
    private final String loginUrl;
    private final String apiVersion;
    private final Clock clock;

    private JwtAuthenticator(Builder b) {
        this.clientId = require(b.clientId, "clientId");
        this.username = require(b.username, "username");
        if (b.privateKeyPath == null && b.privateKeyPem == null) {
            throw new IllegalArgumentException("JwtAuthenticator needs a private key: give privateKeyPath(...) or "
                    + "privateKey(...)");
        }
        this.privateKeyPath = b.privateKeyPath;
        this.privateKeyPem = b.privateKeyPem;
        this.loginUrl = TokenEndpoint.trimSlash(b.loginUrl);
        this.apiVersion = b.apiVersion;
        this.clock = b.clock;
    }

    /** {@return a builder; login URL {@code https://login.salesforce.com} and API version {@code v62.0} by default} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads SF_CLIENT_ID, SF_USERNAME, SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY, SF_LOGIN_URL (default
     * {@code https://login.salesforce.com}) and SF_API_VERSION (default {@code v62.0}) from the environment.
     *
     * @return the authenticator
     * @throws AuthenticationException naming every missing variable
     */
    public static JwtAuthenticator fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Like {@link #fromEnv()}, from the given variables.
     *
     * @param env the variables
     * @return the authenticator
     * @throws AuthenticationException naming every missing variable
     */
    public static JwtAuthenticator fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env, "JwtAuthenticator");
        String clientId = r.required("SF_CLIENT_ID");
        String username = r.required("SF_USERNAME");
        String keyPath = r.optional("SF_PRIVATE_KEY_PATH");
        String key = r.optional("SF_PRIVATE_KEY");
        if (keyPath == null && key == null) {
            r.missing("SF_PRIVATE_KEY_PATH (or SF_PRIVATE_KEY)");
        }
        r.check();
        Builder b = builder().clientId(clientId).username(username)
                .loginUrl(r.optionalOr("SF_LOGIN_URL", TokenEndpoint.DEFAULT_LOGIN_URL))
                .apiVersion(r.optionalOr("SF_API_VERSION", SalesforceSession.DEFAULT_API_VERSION));
        if (keyPath != null) {
            b.privateKeyPath(Path.of(keyPath));
        } else {
            b.privateKey(key);
        }
        return b.build();
    }

    @Override
    public SalesforceSession authenticate() {
        String assertion = JwtSigner.sign(privateKeyPath, privateKeyPem, clientId, username, loginUrl, clock);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        form.put("assertion", assertion);
        return TokenEndpoint.post(loginUrl, form, null, apiVersion, "JWT bearer for user " + username);
    }

    @Override
    public String toString() {
        return "JwtAuthenticator[clientId=" + clientId + ", username=" + username + ", loginUrl=" + loginUrl
                + ", key=" + (privateKeyPath != null ? privateKeyPath : "(inline, hidden)") + "]";
    }

    private static String require(String v, String name) {
        Objects.requireNonNull(v, name + " == null");
        return v;
    }

    /** Builds a {@link JwtAuthenticator}. Not thread-safe. */
    public static final class Builder {
        private String clientId;
        private String username;
        private Path privateKeyPath;
        private String privateKeyPem;
        private String loginUrl = TokenEndpoint.DEFAULT_LOGIN_URL;
        private String apiVersion = SalesforceSession.DEFAULT_API_VERSION;
        private Clock clock = Clock.systemUTC();

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
         * The user to log in as.
         *
         * @param username the username
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * The PEM file of the private key (PKCS#8 {@code BEGIN PRIVATE KEY} or PKCS#1 {@code BEGIN RSA PRIVATE KEY}).
         *
         * @param path the file
         * @return this builder
         */
        public Builder privateKeyPath(Path path) {
            this.privateKeyPath = path;
            this.privateKeyPem = null;
            return this;
        }

        /**
         * The private key as PEM text.
         *
         * @param pem the PEM text
         * @return this builder
         */
        public Builder privateKey(String pem) {
            this.privateKeyPem = pem;
            this.privateKeyPath = null;
            return this;
        }

        /**
         * The login URL, also the JWT audience; default {@code https://login.salesforce.com}.
         *
         * @param loginUrl e.g. {@code https://test.salesforce.com}
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
         * The clock for {@code exp}; tests inject a fixed one.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /**
         * Builds the authenticator.
         *
         * @return the authenticator
         * @throws NullPointerException if client id or username is missing
         * @throws IllegalArgumentException if no private key was given
         */
        public JwtAuthenticator build() {
            return new JwtAuthenticator(this);
        }
    }
}
