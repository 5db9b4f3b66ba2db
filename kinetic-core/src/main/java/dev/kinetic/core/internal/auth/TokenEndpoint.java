package dev.kinetic.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.SalesforceSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Posts a form to {@code /services/oauth2/token} and turns the answer into a session or an error people can read.
 * Failures that may pass (429, 5xx, a dropped connection, a body that broke off) throw
 * {@link TransientAuthenticationException}, which the client's transport retries with its back-off.
 */
public final class TokenEndpoint {
    public static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);
    // The client's own HttpClient while it signs in: Authenticator.authenticate() takes no transport.
    private static final ThreadLocal<HttpClient> SIGNING_IN_WITH = new ThreadLocal<>();

    private TokenEndpoint() {
    }

    /**
     * Runs a sign-in whose token requests, on this thread, go through {@code http} (the HTTP client the
     * {@code SalesforceClient} was given, with its proxy, authenticator and TLS settings) instead of the default one.
     */
    public static <T> T using(HttpClient http, Supplier<T> signIn) {
        HttpClient before = SIGNING_IN_WITH.get();
        SIGNING_IN_WITH.set(http);
        try {
            return signIn.get();
        } finally {
            if (before == null) {
                SIGNING_IN_WITH.remove();
            } else {
                SIGNING_IN_WITH.set(before);
            }
        }
    }

    /** The URL without a trailing slash. */
    public static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Posts the form. {@code what} describes the flow for messages and never contains a secret.
     */
    public static SalesforceSession post(String loginUrl, Map<String, String> form, String authorization,
                                         String apiVersion, String what) {
        URI uri;
        try {
            uri = URI.create(trimSlash(loginUrl) + "/services/oauth2/token");
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("The login URL '" + loginUrl + "' is not a URL; check SF_LOGIN_URL", e);
        }
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        HttpResponse<String> res;
        try {
            HttpClient given = SIGNING_IN_WITH.get();
            res = (given != null ? given : DefaultHttp.CLIENT).send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientAuthenticationException("Cannot reach the token endpoint " + uri + " for " + what
                    + ": " + e + "; check SF_LOGIN_URL and the network", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException("Interrupted while authenticating (" + what + ")", e);
        }
        JsonNode json = parse(res.body());
        if (TRANSIENT.contains(res.statusCode()) || (res.statusCode() / 100 == 2 && json == null)) {
            // A 2xx whose JSON does not parse broke off on the way (e.g. a proxy closed the connection early).
            throw new TransientAuthenticationException("The token endpoint " + uri + " answered " + what + " with "
                    + (json == null && res.statusCode() / 100 == 2 ? "an incomplete body" : "HTTP " + res.statusCode())
                    + "; it may work again shortly", res.headers().firstValue("Retry-After").orElse(null), null);
        }
        if (res.statusCode() / 100 != 2 || json == null || !json.hasNonNull("access_token")) {
            String error = json == null ? "" : json.path("error").asText("");
            String description = json == null ? "" : json.path("error_description").asText("");
            String detail = error.isEmpty() ? "HTTP " + res.statusCode() + " " + abbreviate(res.body())
                    : error + (description.isEmpty() ? "" : ": " + description);
            throw new AuthenticationException("Salesforce refused " + what + " at " + uri + ": " + detail,
                    error, description, null);
        }
        String instanceUrl = json.path("instance_url").asText("");
        if (instanceUrl.isEmpty()) {
            instanceUrl = trimSlash(loginUrl);
        }
        return SalesforceSession.of(URI.create(trimSlash(instanceUrl)), json.get("access_token").asText(),
                apiVersion);
    }

    /**
     * The HTTP client of a sign-in outside a {@code SalesforceClient}, made on first use: a client's sign-in goes
     * through the client's own, and making one costs a selector thread and the TLS set-up.
     */
    private static final class DefaultHttp {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() > 200 ? b.substring(0, 200) + "..." : b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
