package dev.kinetic.emulator.http.rest;

import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.ApiUsage;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The REST basics every client touches: the versions list {@code GET /services/data} (no token needed), the
 * resources of a version and {@code /limits}.
 * Thread-safe.
 */
public final class RestBasicsRoutes implements RouteModule {
    /** The oldest version listed (older ones are retired: 410). */
    public static final int OLDEST_VERSION = 31;
    /** The newest version listed (Spring '26). */
    public static final int LATEST_VERSION = 66;
    private static final String[] SEASONS = {"Summer", "Winter", "Spring"};

    private final ApiUsage usage;

    /** @param usage the API request counter reported by {@code /limits} */
    public RestBasicsRoutes(ApiUsage usage) {
        this.usage = Objects.requireNonNull(usage, "usage == null");
    }

    @Override
    public void register(Routes routes) {
        routes.public_("GET", "/services/data", ex -> ex.json(200, versions()));
        routes.add("GET", "/services/data/{version}", this::resources);
        routes.add("GET", "/services/data/{version}/limits", ex -> {
            ex.apiVersion();
            ex.json(200, limits());
        });
    }

    /** The versions list: {@code [{"label":"Summer '14","url":"/services/data/v31.0","version":"31.0"}, …]}. */
    static List<Map<String, String>> versions() {
        List<Map<String, String>> out = new ArrayList<>();
        for (int v = OLDEST_VERSION; v <= LATEST_VERSION; v++) {
            int step = v - OLDEST_VERSION;
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("label", SEASONS[step % 3] + " '" + (14 + (step + 2) / 3));
            entry.put("url", "/services/data/v" + v + ".0");
            entry.put("version", v + ".0");
            out.add(entry);
        }
        return out;
    }

    private void resources(ApiExchange ex) {
        ex.apiVersion();
        String prefix = "/services/data/" + ex.pathParam("version").toLowerCase(Locale.ROOT);
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : List.of("jobs", "limits", "query", "queryAll", "sobjects", "search", "recent",
                "tooling", "metadata", "composite")) {
            out.put(name, prefix + "/" + name);
        }
        ex.json(200, out);
    }

    private Map<String, Object> limits() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("DailyApiRequests", limit(ApiUsage.DAILY_MAX, usage.remaining()));
        out.put("DailyBulkApiBatches", limit(15_000, 15_000));
        out.put("DailyBulkV2QueryJobs", limit(10_000, 10_000));
        out.put("DailyBulkV2QueryFileStorageMB", limit(976_562, 976_562));
        out.put("DataStorageMB", limit(5, 5));
        out.put("FileStorageMB", limit(20, 20));
        return out;
    }

    private static Map<String, Long> limit(long max, long remaining) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("Max", max);
        m.put("Remaining", remaining);
        return m;
    }
}
