package dev.kinetic.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.FaultInjector;
import dev.kinetic.emulator.http.InjectedFault;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The fault rules set through {@code /__emulator/faults}, consulted by the server for every request: the first rule
 * (in the order they were added) that matches and fires decides the fault. Thread-safe.
 */
public final class FaultRules implements FaultInjector {
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Optional<InjectedFault> match(String method, String path) {
        for (FaultRule rule : rules) {
            Optional<InjectedFault> fault = rule.apply(method, path);
            if (fault.isPresent()) {
                return fault;
            }
        }
        return Optional.empty();
    }

    /**
     * Adds a rule from its JSON form (see the README) and returns its id.
     *
     * @throws ApiException 400 naming the invalid field
     */
    public String add(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw invalid("a fault rule is a JSON object, e.g. {\"status\":503}");
        }
        int status = json.path("status").asInt(0);
        long latency = json.path("latencyMillis").asLong(0);
        boolean drop = json.path("drop").asBoolean(false);
        if (status == 0 && latency <= 0 && !drop) {
            throw invalid("a fault rule needs an effect: status, latencyMillis or drop:true");
        }
        if (status != 0 && (status < 100 || status > 599)) {
            throw invalid("status must be an HTTP status 100..599, got " + status);
        }
        if (latency < 0) {
            throw invalid("latencyMillis must not be negative, got " + latency);
        }
        double rate = json.path("rate").asDouble(1.0);
        if (!(rate >= 0 && rate <= 1)) {
            throw invalid("rate must be between 0 and 1, got " + json.path("rate"));
        }
        long count = json.hasNonNull("count") ? json.get("count").asLong() : Long.MAX_VALUE;
        if (count < 1) {
            throw invalid("count must be at least 1 (leave it out for no limit), got " + count);
        }
        Pattern path = null;
        if (json.hasNonNull("pathRegex")) {
            try {
                path = Pattern.compile(json.get("pathRegex").asText());
            } catch (PatternSyntaxException e) {
                throw invalid("pathRegex is not a Java regex: " + e.getDescription() + " in "
                        + json.get("pathRegex").asText());
            }
        }
        String method = json.hasNonNull("method") ? json.get("method").asText() : null;
        Optional<Integer> retryAfter = json.hasNonNull("retryAfterSeconds")
                ? Optional.of(json.get("retryAfterSeconds").asInt()) : Optional.empty();
        String[] defaults = defaultError(status);
        InjectedFault fault = new InjectedFault(status, text(json, "errorCode", defaults[0]),
                text(json, "message", defaults[1]), latency, drop, retryAfter, json.path("after").asBoolean(false));
        long seed = json.path("seed").asLong(42);
        String id = "fault-" + ids.incrementAndGet();
        rules.add(new FaultRule(id, method, path, rate, count, seed, fault));
        return id;
    }

    /** Every rule with its {@code injected} count. */
    public List<Map<String, Object>> describe() {
        return rules.stream().map(FaultRule::describe).toList();
    }

    /** Removes one rule; false when no rule has this id. */
    public boolean remove(String id) {
        return rules.removeIf(r -> r.id().equals(id));
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    private static String text(JsonNode json, String field, String fallback) {
        return json.hasNonNull(field) ? json.get(field).asText() : fallback;
    }

    // The Salesforce error code and message an injected status carries unless the rule names its own.
    static String[] defaultError(int status) {
        return switch (status) {
            case 400 -> new String[] {"API_ERROR", "Injected fault: bad request"};
            case 401 -> new String[] {"INVALID_SESSION_ID", "Session expired or invalid"};
            case 403 -> new String[] {"REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."};
            case 404 -> new String[] {"NOT_FOUND", "The requested resource does not exist"};
            case 429 -> new String[] {"REQUEST_LIMIT_EXCEEDED", "Too many requests. Try again later."};
            case 500 -> new String[] {"UNKNOWN_EXCEPTION", "An unexpected error occurred. Please try again."};
            case 502, 503, 504 -> new String[] {"SERVER_UNAVAILABLE", "Server temporarily unavailable."};
            default -> new String[] {"INJECTED_FAULT", "Injected fault with status " + status};
        };
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "INVALID_FAULT_RULE", message);
    }
}
