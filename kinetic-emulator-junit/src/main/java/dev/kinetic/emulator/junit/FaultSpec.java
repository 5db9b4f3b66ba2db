package dev.kinetic.emulator.junit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fault for the local org to inject: which requests it matches, what it does to them and how often. Start from
 * the requests ({@link #onUploads()}, {@link #on(String, String)}…), say what happens ({@link #respond(int)},
 * {@link #dropConnection()}, {@link #delay(Duration)}), then how often ({@link #times(int)},
 * {@link #rate(double, long)}); give it to {@link LocalOrgControl#inject(FaultSpec)}.
 *
 * <pre>{@code
 * control.inject(FaultSpec.onUploads().respond(503).times(1));          // the next upload answers 503
 * control.inject(FaultSpec.onResults().dropConnection().afterHandling()); // served, but the answer is lost
 * }</pre>
 *
 * Immutable: every method returns a new spec. Without an effect the org refuses the rule.
 */
public final class FaultSpec {
    private static final String API = "/services/data/v[0-9.]+";

    private String method;
    private String pathRegex;
    private Integer status;
    private String errorCode;
    private String message;
    private Long retryAfterSeconds;
    private long latencyMillis;
    private boolean drop;
    private boolean after;
    private Double rate;
    private Long seed;
    private Integer count;

    private FaultSpec(String method, String pathRegex) {
        this.method = method;
        this.pathRegex = pathRegex;
    }

    private FaultSpec copy() {
        FaultSpec c = new FaultSpec(method, pathRegex);
        c.status = status;
        c.errorCode = errorCode;
        c.message = message;
        c.retryAfterSeconds = retryAfterSeconds;
        c.latencyMillis = latencyMillis;
        c.drop = drop;
        c.after = after;
        c.rate = rate;
        c.seed = seed;
        c.count = count;
        return c;
    }

    /**
     * {@return a spec matching requests with this method whose decoded path matches the regular expression}
     *
     * @param method an HTTP method such as {@code PUT}, or {@code null} for any
     * @param pathRegex a Java regular expression the whole path must match, or {@code null} for any API path
     */
    public static FaultSpec on(String method, String pathRegex) {
        return new FaultSpec(method, pathRegex);
    }

    /** {@return a spec matching every REST and Bulk API request (not OAuth, not the control plane)} */
    public static FaultSpec onAnyApiCall() {
        return new FaultSpec(null, null);
    }

    /** {@return a spec matching Bulk ingest data uploads ({@code PUT …/jobs/ingest/{id}/batches})} */
    public static FaultSpec onUploads() {
        return on("PUT", API + "/jobs/ingest/[^/]+/batches");
    }

    /** {@return a spec matching the creation of Bulk ingest and query jobs ({@code POST …/jobs/ingest|query})} */
    public static FaultSpec onJobCreation() {
        return on("POST", API + "/jobs/(ingest|query)/?");
    }

    /** {@return a spec matching reads of a Bulk job's status ({@code GET …/jobs/ingest|query/{id}})} */
    public static FaultSpec onJobStatus() {
        return on("GET", API + "/jobs/(ingest|query)/[^/]+");
    }

    /**
     * {@return a spec matching reads of Bulk results: successful, failed and unprocessed rows of ingest jobs and the
     * result pages of query jobs}
     */
    public static FaultSpec onResults() {
        return on("GET", API + "/jobs/(ingest/[^/]+/(successfulResults|failedResults|unprocessedrecords)"
                + "|query/[^/]+/results)/?");
    }

    /** {@return a spec matching requests to the OAuth token endpoint (sign-ins and refreshes)} */
    public static FaultSpec onSignIn() {
        return on("POST", "/services/oauth2/token");
    }

    /**
     * {@return this spec answering with the status instead of the real response} The body is Salesforce's error
     * array with the status's usual code (503: {@code SERVER_UNAVAILABLE}, 500: {@code UNKNOWN_EXCEPTION}…).
     *
     * @param status an HTTP status such as 503
     */
    public FaultSpec respond(int status) {
        FaultSpec c = copy();
        c.status = status;
        return c;
    }

    /**
     * {@return this spec answering with the status and the Salesforce error instead of the real response}
     *
     * @param status an HTTP status such as 400
     * @param errorCode the {@code errorCode} of the body
     * @param message the {@code message} of the body
     */
    public FaultSpec respond(int status, String errorCode, String message) {
        FaultSpec c = respond(status);
        c.errorCode = Objects.requireNonNull(errorCode, "errorCode == null");
        c.message = Objects.requireNonNull(message, "message == null");
        return c;
    }

    /**
     * {@return this spec adding a {@code Retry-After} header to the injected status}
     *
     * @param wait whole seconds are sent
     */
    public FaultSpec retryAfter(Duration wait) {
        FaultSpec c = copy();
        c.retryAfterSeconds = wait.toSeconds();
        return c;
    }

    /** {@return this spec closing the connection with no response: the client sees a reset or an early end} */
    public FaultSpec dropConnection() {
        FaultSpec c = copy();
        c.drop = true;
        return c;
    }

    /**
     * {@return this spec waiting before the answer (the real one, unless a status or a drop is also set)}
     *
     * @param latency how long to wait
     */
    public FaultSpec delay(Duration latency) {
        FaultSpec c = copy();
        c.latencyMillis = latency.toMillis();
        return c;
    }

    /**
     * {@return this spec letting the org handle the request first, then dropping or replacing the answer} The
     * server did the work but the client never learns it: the case retries must not repeat.
     */
    public FaultSpec afterHandling() {
        FaultSpec c = copy();
        c.after = true;
        return c;
    }

    /**
     * {@return this spec stopping after this many injections}
     *
     * @param times 1 or more
     */
    public FaultSpec times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be 1 or more, got " + times);
        }
        FaultSpec c = copy();
        c.count = times;
        return c;
    }

    /**
     * {@return this spec hitting only a share of the matching requests, drawn from a seeded random sequence}
     *
     * @param probability 0..1
     * @param seed the same seed gives the same sequence of hits
     */
    public FaultSpec rate(double probability, long seed) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("rate must be within 0..1, got " + probability);
        }
        FaultSpec c = copy();
        c.rate = probability;
        c.seed = seed;
        return c;
    }

    // The rule as the control plane's POST /__emulator/faults takes it.
    Map<String, Object> toRule() {
        Map<String, Object> rule = new LinkedHashMap<>();
        put(rule, "method", method);
        put(rule, "pathRegex", pathRegex);
        put(rule, "status", status);
        put(rule, "errorCode", errorCode);
        put(rule, "message", message);
        put(rule, "retryAfterSeconds", retryAfterSeconds);
        if (latencyMillis > 0) {
            rule.put("latencyMillis", latencyMillis);
        }
        if (drop) {
            rule.put("drop", true);
        }
        if (after) {
            rule.put("after", true);
        }
        put(rule, "rate", rate);
        put(rule, "seed", seed);
        put(rule, "count", count);
        return rule;
    }

    private static void put(Map<String, Object> rule, String key, Object value) {
        if (value != null) {
            rule.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "FaultSpec" + toRule();
    }
}
