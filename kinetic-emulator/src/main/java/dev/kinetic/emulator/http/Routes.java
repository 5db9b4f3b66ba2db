package dev.kinetic.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The route table: method plus path pattern to handler. Patterns are absolute paths whose segments are literals or
 * {@code {name}} parameters, e.g. {@code /services/data/{version}/jobs/ingest/{jobId}}. Literal segments match
 * case-insensitively and a trailing slash is optional, as Salesforce's REST framework behaves. Where several
 * patterns match a path, the one with the most literal segments wins ({@code /sobjects/{object}/describe} before
 * {@code /sobjects/{object}/{id}}), whatever the order they were added in. Routes added with
 * {@link #public_(String, String, ApiHandler)} need no access token. Thread-safe after start-up.
 */
public final class Routes {
    private final List<Route> routes = new ArrayList<>();

    /** Adds an authenticated route. */
    public synchronized Routes add(String method, String pattern, ApiHandler handler) {
        routes.add(new Route(method.toUpperCase(Locale.ROOT), split(pattern), handler, true));
        return this;
    }

    /** Adds a route that needs no access token (versions list, OAuth endpoints, control plane). */
    public synchronized Routes public_(String method, String pattern, ApiHandler handler) {
        routes.add(new Route(method.toUpperCase(Locale.ROOT), split(pattern), handler, false));
        return this;
    }

    /** The outcome of matching a request against the table. */
    public sealed interface Match {
    }

    /** A route matched: its handler, whether it needs a token, and the path parameters. */
    public record Found(ApiHandler handler, boolean authenticated, Map<String, String> params) implements Match {
    }

    /** A path matched but not with this method; {@code allowed} lists the methods that would. */
    public record WrongMethod(Set<String> allowed) implements Match {
    }

    /** No route has this path. */
    public record Missing() implements Match {
    }

    /** Finds the route for a method and a decoded path. */
    public synchronized Match match(String method, String path) {
        List<String> segments = split(path);
        int mostLiterals = -1;
        for (Route r : routes) {
            Map<String, String> params = r.match(segments);
            if (params != null) {
                mostLiterals = Math.max(mostLiterals, r.segments.size() - params.size());
            }
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Map<String, String> params = r.match(segments);
            if (params == null || r.segments.size() - params.size() != mostLiterals) {
                continue;
            }
            if (r.method.equals(method.toUpperCase(Locale.ROOT))) {
                return new Found(r.handler, r.authenticated, params);
            }
            allowed.add(r.method);
        }
        return allowed.isEmpty() ? new Missing() : new WrongMethod(allowed);
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : Objects.requireNonNull(path, "path == null").split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private record Route(String method, List<String> segments, ApiHandler handler, boolean authenticated) {
        Map<String, String> match(List<String> path) {
            if (path.size() != segments.size()) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String pattern = segments.get(i);
                if (pattern.startsWith("{") && pattern.endsWith("}")) {
                    params.put(pattern.substring(1, pattern.length() - 1), path.get(i));
                } else if (!pattern.equalsIgnoreCase(path.get(i))) {
                    return null;
                }
            }
            return params;
        }
    }
}
