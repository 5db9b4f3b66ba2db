package dev.kinetic.emulator.control;

import dev.kinetic.emulator.http.InjectedFault;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * One fault rule of the control plane: which requests it matches (method, a regex over the whole decoded path), how
 * often (a rate drawn from a seeded {@link Random}, at most {@code count} times) and what it does. Thread-safe: the
 * draw and the count are taken under the rule's lock.
 */
final class FaultRule {
    private final String id;
    private final String method;
    private final Pattern path;
    private final double rate;
    private final long limit;
    private final long seed;
    private final InjectedFault fault;
    private final Random random;
    private long injected;

    /**
     * @param method the HTTP method, or null for any
     * @param path the regex the whole decoded path must match, or null for any path outside the control plane
     * @param rate the probability of injecting into a matching request (0..1)
     * @param limit how many injections at most, or {@link Long#MAX_VALUE}
     */
    FaultRule(String id, String method, Pattern path, double rate, long limit, long seed, InjectedFault fault) {
        this.id = id;
        this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.rate = rate;
        this.limit = limit;
        this.seed = seed;
        this.fault = fault;
        this.random = new Random(seed);
    }

    String id() {
        return id;
    }

    /** The fault for this request when the rule matches and its draw and count allow; counts the injection. */
    synchronized Optional<InjectedFault> apply(String requestMethod, String requestPath) {
        if (injected >= limit || (method != null && !method.equalsIgnoreCase(requestMethod))) {
            return Optional.empty();
        }
        if (!pathMatches(requestPath)) {
            return Optional.empty();
        }
        if (rate < 1.0 && random.nextDouble() >= rate) {
            return Optional.empty();
        }
        injected++;
        return Optional.of(fault);
    }

    // The control plane and the OAuth endpoints are only hit by rules whose regex names them explicitly.
    private boolean pathMatches(String requestPath) {
        String lower = requestPath.toLowerCase(Locale.ROOT);
        boolean control = lower.startsWith("/__emulator");
        boolean oauth = lower.startsWith("/services/oauth2");
        if (path == null) {
            return !control && !oauth;
        }
        if (control && !path.pattern().contains("__emulator") || oauth && !path.pattern().contains("oauth2")) {
            return false;
        }
        return path.matcher(requestPath).matches();
    }

    /** The rule as {@code GET /__emulator/faults} lists it. */
    synchronized Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("method", method);
        out.put("pathRegex", path == null ? null : path.pattern());
        if (fault.status() > 0) {
            out.put("status", fault.status());
            out.put("errorCode", fault.errorCode());
            out.put("message", fault.message());
        }
        out.put("rate", rate);
        out.put("count", limit == Long.MAX_VALUE ? null : limit);
        out.put("latencyMillis", fault.latencyMillis());
        out.put("drop", fault.drop());
        out.put("retryAfterSeconds", fault.retryAfterSeconds().orElse(null));
        out.put("after", fault.after());
        out.put("seed", seed);
        out.put("injected", injected);
        return out;
    }
}
