package dev.kinetic.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.auth.Authenticator;
import dev.kinetic.core.bulk.BulkInterruptedException;
import dev.kinetic.core.internal.ClientConfig;
import dev.kinetic.core.internal.auth.TokenEndpoint;
import dev.kinetic.core.internal.auth.TransientAuthenticationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Sends requests to the org over {@link HttpClient}: adds the bearer token, retries transient failures (429, 500,
 * 502, 503, 504, resets, timeouts, answers that break off) with capped jittered back-off honouring Retry-After
 * (seconds or an HTTP-date), re-authenticates once on 401 {@code INVALID_SESSION_ID} (retrying a sign-in that fails
 * transiently), and turns error answers into {@link BulkApiException}. Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
    private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);

    private final Authenticator authenticator;
    private final ClientConfig config;
    private final HttpClient http;
    private final Backoff backoff;
    private volatile SalesforceSession session;

    /**
     * Creates a transport for a session over an HTTP client; with an authenticator it can renew the session once
     * per call. Without a session it signs in first (with retries).
     */
    public HttpTransport(SalesforceSession session, Authenticator authenticator, ClientConfig config,
                         HttpClient http) {
        this.authenticator = authenticator;
        this.config = config;
        this.http = http;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.session = session != null ? session : signIn();
    }

    /** The current session. */
    public SalesforceSession session() {
        return session;
    }

    /** The retry and timeout settings. */
    public ClientConfig config() {
        return config;
    }

    /** Sends a request and returns the body as text (empty for 204). */
    public String send(Request request) {
        return send(request, body -> body);
    }

    /**
     * Sends a request and parses its JSON answer. For a retryable request an answer that breaks off or does not
     * parse (e.g. cut short by a proxy that closed the connection) is asked for again with the back-off.
     */
    public JsonNode sendJson(Request request, String what) {
        return send(request, body -> Json.parse(body, what));
    }

    private <T> T send(Request request, Function<String, T> parse) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> res = exchange(request);
            RuntimeException failure;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (InputStream in = res.body()) {
                in.transferTo(body); // keeps what arrived if the body breaks off
                return parse.apply(body.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failure = new UncheckedIOException(e);
            } catch (SalesforceException e) {
                failure = e;
            }
            if (!request.retryable()) {
                throw new AmbiguousFailureException("Reading the answer to " + request.method() + " "
                        + request.path() + " failed: " + failure.getMessage(), failure,
                        body.toString(StandardCharsets.UTF_8));
            }
            if (attempt >= config.maxRetries()) {
                throw new SalesforceException("The answer to " + request.method() + " " + request.path()
                        + " broke off " + (attempt + 1) + " times: " + failure.getMessage()
                        + "; check the network (a proxy that cuts answers?)", failure);
            }
            pause(request, attempt, null, failure.toString());
        }
    }

    /**
     * Sends a request and returns the successful response with its body open (close it). Error answers throw.
     */
    public HttpResponse<InputStream> exchange(Request request) {
        boolean reauthenticated = false;
        int attempt = 0;
        while (true) {
            SalesforceSession current = session;
            HttpResponse<InputStream> res;
            try {
                res = http.send(build(request, current), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (!request.retryable()) {
                    throw new AmbiguousFailureException(request.method() + " " + request.path()
                            + " failed and may or may not have reached Salesforce: " + e, e);
                }
                if (attempt >= config.maxRetries()) {
                    throw new SalesforceException(request.method() + " " + request.path() + " failed after "
                            + (attempt + 1) + " attempts: " + e + "; check the network and the instance URL", e);
                }
                pause(request, attempt++, null, e.toString());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BulkInterruptedException("", e);
            }
            int status = res.statusCode();
            if (status / 100 == 2) {
                return res;
            }
            String body = readQuietly(res);
            if (ErrorBodies.isInvalidSession(status, body) && authenticator != null && !reauthenticated) {
                reauthenticated = true;
                reauthenticate(current);
                continue;
            }
            BulkApiException error = ErrorBodies.toException(status, body, request.method(), request.path());
            if (TRANSIENT.contains(status)) {
                if (!request.retryable()) {
                    throw new AmbiguousFailureException(request.method() + " " + request.path() + " answered "
                            + status + "; the server may or may not have acted on it", error);
                }
                if (attempt < config.maxRetries()) {
                    pause(request, attempt++, Backoff.parseRetryAfter(
                            res.headers().firstValue("Retry-After").orElse(null), config.clock()),
                            String.valueOf(status));
                    continue;
                }
            }
            throw error;
        }
    }

    private void pause(Request request, int attempt, Duration retryAfter, String why) {
        LOG.log(System.Logger.Level.DEBUG, () -> "Retrying " + request.method() + " " + request.path() + " after "
                + why + " (retry " + (attempt + 1) + " of " + config.maxRetries() + ")");
        pause(attempt, retryAfter);
    }

    /**
     * Waits before retry number {@code attempt} (0-based) with the client's back-off and sleeper, e.g. before a
     * result set that broke off is read again.
     *
     * @param retryAfter the server's wish, or {@code null}
     */
    public void pause(int attempt, Duration retryAfter) {
        try {
            config.sleeper().sleep(backoff.delay(attempt, retryAfter));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulkInterruptedException("", e);
        }
    }

    /**
     * Signs in through the authenticator, retrying failures that may pass (429, 5xx, a dropped connection, an
     * answer that broke off) with the back-off; a refusal (bad credentials) is thrown at once.
     */
    public SalesforceSession signIn() {
        if (authenticator == null) {
            throw new IllegalStateException("no authenticator to sign in with");
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return TokenEndpoint.using(http, authenticator::authenticate);
            } catch (TransientAuthenticationException e) {
                if (attempt >= config.maxRetries()) {
                    throw new TransientAuthenticationException(e.getMessage() + " (gave up after " + (attempt + 1)
                            + " attempts)", null, e);
                }
                LOG.log(System.Logger.Level.DEBUG, "Sign-in failed transiently; retrying: " + e.getMessage());
                pause(attempt, Backoff.parseRetryAfter(e.retryAfter().orElse(null), config.clock()));
            }
        }
    }

    private void reauthenticate(SalesforceSession failed) {
        synchronized (this) {
            if (session != failed) {
                return; // another thread renewed it already
            }
            LOG.log(System.Logger.Level.DEBUG, "Session expired; re-authenticating");
            SalesforceSession fresh = signIn();
            session = fresh.withApiVersion(failed.apiVersion());
        }
    }

    private HttpRequest build(Request r, SalesforceSession s) {
        URI uri = URI.create(s.instanceUrl() + (r.path().startsWith("/services/") ? r.path()
                : "/services/data/" + s.apiVersion() + r.path()));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + s.accessToken());
        if (r.accept() != null) {
            b.header("Accept", r.accept());
        }
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        HttpRequest.BodyPublisher body;
        if (r.jsonBody() != null) {
            body = HttpRequest.BodyPublishers.ofString(r.jsonBody(), StandardCharsets.UTF_8);
        } else if (r.bodyStream() != null) {
            LongConsumer progress = r.uploadProgress() == null ? n -> { } : r.uploadProgress();
            body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new CountingInputStream(r.bodyStream().get(), progress)), r.bodyLength());
        } else {
            body = HttpRequest.BodyPublishers.noBody();
        }
        return b.method(r.method(), body).build();
    }

    private static String readQuietly(HttpResponse<InputStream> res) {
        try (InputStream in = res.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Releases nothing on Java 17; kept for the client's lifecycle. */
    @Override
    public void close() {
        // java.net.http.HttpClient gained close() only in Java 21; on 17 its threads end with the client.
    }
}
