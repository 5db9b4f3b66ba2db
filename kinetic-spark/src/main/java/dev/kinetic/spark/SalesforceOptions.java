package dev.kinetic.spark;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.AccessTokenAuthenticator;
import dev.kinetic.core.auth.Authenticator;
import dev.kinetic.core.auth.ClientCredentialsAuthenticator;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.auth.PasswordAuthenticator;
import dev.kinetic.core.bulk.PollOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The data source's options, keys compared ignoring case as Spark does. Serializable: the driver ships them to the
 * executors, which sign in on their own. Sign-in options map to the library's {@code SF_*} variables; what an option
 * does not give is read from the environment of the JVM that signs in. Immutable and thread-safe.
 */
public final class SalesforceOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Option name → the library's environment variable. */
    private static final Map<String, String> SIGN_IN = Map.ofEntries(
            Map.entry("instanceurl", "SF_INSTANCE_URL"), Map.entry("accesstoken", "SF_ACCESS_TOKEN"),
            Map.entry("clientid", "SF_CLIENT_ID"), Map.entry("clientsecret", "SF_CLIENT_SECRET"),
            Map.entry("username", "SF_USERNAME"), Map.entry("password", "SF_PASSWORD"),
            Map.entry("securitytoken", "SF_SECURITY_TOKEN"), Map.entry("privatekeypath", "SF_PRIVATE_KEY_PATH"),
            Map.entry("privatekey", "SF_PRIVATE_KEY"), Map.entry("loginurl", "SF_LOGIN_URL"),
            Map.entry("apiversion", "SF_API_VERSION"));

    private final HashMap<String, String> options;

    /**
     * @param options the options as Spark passed them (any case)
     */
    public SalesforceOptions(Map<String, String> options) {
        this.options = new HashMap<>();
        options.forEach((k, v) -> this.options.put(k.toLowerCase(Locale.ROOT), v));
    }

    /**
     * @param name an option name (any case)
     * @return its value, if given and not blank
     */
    public Optional<String> get(String name) {
        return Optional.ofNullable(options.get(name.toLowerCase(Locale.ROOT))).filter(v -> !v.isBlank());
    }

    /**
     * @param name an option name
     * @param why what the option is for, for the message
     * @return its value
     * @throws IllegalArgumentException naming the option when it is missing
     */
    public String require(String name, String why) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("The option '" + name + "' is missing: "
                + why));
    }

    /**
     * @param name an option name
     * @param fallback the value when it is absent
     * @return the option as a number
     */
    public long number(String name, long fallback) {
        String v = get(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The option '" + name + "' must be a whole number; got '" + v + "'");
        }
    }

    /**
     * @param name an option name
     * @return whether the option is {@code true}
     */
    public boolean flag(String name) {
        return get(name).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }

    /**
     * @return how to wait for jobs: the first wait {@code pollIntervalMillis} (default the library's, 100 ms), then
     *         growing by a tenth each time up to 30 s as in the library
     */
    public PollOptions poll() {
        return PollOptions.builder().pollInterval(Duration.ofMillis(number("pollIntervalMillis", 100))).build();
    }

    /**
     * Signs in with the options, falling back to the {@code SF_*} environment: an access token (instanceUrl and
     * accessToken), JWT (privateKeyPath or privateKey), password, or client credentials, in that order.
     *
     * @return a client that signs in again when its session expires; close it
     */
    public SalesforceClient connect() {
        Map<String, String> env = new HashMap<>(System.getenv());
        SIGN_IN.forEach((option, variable) -> get(option).ifPresent(v -> env.put(variable, v)));
        SalesforceClient.Builder b = SalesforceClient.builder().authenticator(authenticator(env));
        get("maxRetries").ifPresent(v -> b.maxRetries((int) number("maxRetries", 6)));
        get("retryBackoffMillis").ifPresent(v -> b.initialBackoff(Duration.ofMillis(number("retryBackoffMillis", 500)))
                .maxBackoff(Duration.ofMillis(Math.max(1, 4 * number("retryBackoffMillis", 500)))));
        return b.build();
    }

    private static Authenticator authenticator(Map<String, String> env) {
        if (has(env, "SF_ACCESS_TOKEN")) {
            return AccessTokenAuthenticator.fromEnv(env);
        }
        if (has(env, "SF_PRIVATE_KEY_PATH") || has(env, "SF_PRIVATE_KEY")) {
            return JwtAuthenticator.fromEnv(env);
        }
        if (has(env, "SF_PASSWORD")) {
            return PasswordAuthenticator.fromEnv(env);
        }
        if (has(env, "SF_CLIENT_SECRET")) {
            return ClientCredentialsAuthenticator.fromEnv(env);
        }
        throw new IllegalArgumentException("No way to sign in to Salesforce: give the options instanceUrl and "
                + "accessToken, or clientId, username and privateKeyPath (JWT), or clientId, clientSecret, username "
                + "and password, or clientId, clientSecret and loginUrl (client credentials); or set the same SF_* "
                + "variables on the driver and every executor");
    }

    private static boolean has(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    @Override
    public String toString() {
        return "SalesforceOptions" + options.keySet(); // the keys only: values may be secrets
    }
}
