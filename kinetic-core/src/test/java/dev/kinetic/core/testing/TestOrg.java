package dev.kinetic.core.testing;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.Sleeper;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.PollOptions;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A local org started in-process on port 0 for library tests, with its control plane spoken over raw HTTP and
 * clients whose retries and polls wait at most a few milliseconds.
 */
public final class TestOrg implements AutoCloseable {
    /** Polls every 10 ms: the local org finishes jobs in milliseconds. */
    public static final PollOptions FAST_POLL = PollOptions.builder().pollInterval(Duration.ofMillis(10))
            .maxPollInterval(Duration.ofMillis(20)).build();
    /** Ingest options that poll every 10 ms. */
    public static final IngestOptions FAST = IngestOptions.builder().poll(FAST_POLL).build();
    /** Query options that poll every 10 ms. */
    public static final QueryOptions FAST_QUERY = QueryOptions.builder().poll(FAST_POLL).build();

    private final LocalOrg org;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestOrg(LocalOrg org) {
        this.org = org;
    }

    /** Starts a local org with the default configuration. */
    public static TestOrg start() {
        return new TestOrg(LocalOrg.start(LocalOrgConfig.defaults()));
    }

    /** The running org. */
    public LocalOrg org() {
        return org;
    }

    /** The base URI. */
    public URI baseUri() {
        return org.baseUri();
    }

    /** The org's credentials. */
    public LocalOrgCredentials credentials() {
        return org.credentials();
    }

    /** The variables of {@code local-org.env} for {@code JwtAuthenticator.fromEnv(Map)}. */
    public Map<String, String> jwtEnv() {
        LocalOrgCredentials c = org.credentials();
        return Map.of("SF_CLIENT_ID", c.clientId(), "SF_USERNAME", c.username(),
                "SF_PRIVATE_KEY_PATH", c.privateKeyPath().toString(), "SF_LOGIN_URL", c.loginUrl().toString());
    }

    /** A client connected through the JWT flow (so it can re-authenticate), with short back-offs. */
    public SalesforceClient client() {
        return SalesforceClient.builder().authenticator(JwtAuthenticator.fromEnv(jwtEnv()))
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).maxRetries(8)
                .sleeper(shortSleeper()).build();
    }

    /**
     * A client builder that signs in and talks to the org through a proxy (e.g. a {@link FaultProxy}), with
     * back-offs of a few milliseconds and three retries.
     */
    public SalesforceClient.Builder clientThrough(URI proxy) {
        Map<String, String> env = new java.util.HashMap<>(jwtEnv());
        env.put("SF_LOGIN_URL", proxy.toString());
        return SalesforceClient.builder().authenticator(JwtAuthenticator.fromEnv(env))
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).maxRetries(3)
                .sleeper(shortSleeper());
    }

    /** A client on the admin access token, with short back-offs. */
    public SalesforceClient tokenClient() {
        return SalesforceClient.builder().session(SalesforceSession.of(org.baseUri(), org.accessToken()))
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).sleeper(shortSleeper())
                .build();
    }

    /** Sleeps at most 5 ms whatever it is asked, so Retry-After and poll intervals do not slow tests down. */
    public static Sleeper shortSleeper() {
        return d -> Sleeper.system().sleep(d.compareTo(Duration.ofMillis(5)) > 0 ? Duration.ofMillis(5) : d);
    }

    /** Calls the control plane with the org's control secret; returns the body; fails on a non-2xx answer. */
    public String control(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(org.baseUri() + path))
                .header("Content-Type", "application/json")
                .header(LocalOrg.CONTROL_SECRET_HEADER, org.controlSecret())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = sendOnLiveConnection(b.build());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /*
     * The org closes a connection idle for 30 s (Jetty's default) while java.net.http keeps it pooled far longer, so a
     * control call after a long test can be written to a socket the org already closed and get no bytes back. The
     * org never saw that request, so it is sent once more on a new connection.
     */
    private HttpResponse<String> sendOnLiveConnection(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw e;
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Adds a fault rule. */
    public void fault(String json) {
        control("POST", "/__emulator/faults", json);
    }

    /** Removes every fault rule. */
    public void clearFaults() {
        control("DELETE", "/__emulator/faults", null);
    }

    /** Expires every access token. */
    public void expireTokens() {
        control("POST", "/__emulator/tokens/expire", null);
    }

    /** Seeds records directly (JSON array). */
    public String seed(String object, String jsonArray) {
        return control("POST", "/__emulator/records/" + object, jsonArray);
    }

    /** Runs the code and returns what it threw; fails if it threw nothing. */
    public Throwable catchThrowable(Runnable code) {
        try {
            code.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected an exception");
    }

    @Override
    public void close() {
        org.close();
    }
}
