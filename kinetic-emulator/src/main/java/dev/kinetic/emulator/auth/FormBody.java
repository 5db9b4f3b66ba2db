package dev.kinetic.emulator.auth;

import dev.kinetic.emulator.http.ApiExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The parameters of an OAuth request: the query string and an {@code x-www-form-urlencoded} body, merged. */
final class FormBody {
    private final Map<String, String> values;

    private FormBody(Map<String, String> values) {
        this.values = values;
    }

    /** Reads the exchange's query and body parameters (the body wins). */
    static FormBody of(ApiExchange exchange) {
        Map<String, String> values = new LinkedHashMap<>();
        String uri = exchange.uri();
        int q = uri.indexOf('?');
        if (q >= 0) {
            parseInto(uri.substring(q + 1), values);
        }
        parseInto(exchange.bodyAsString(), values);
        return new FormBody(values);
    }

    /** A parameter; empty when absent or blank. */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    private static void parseInto(String text, Map<String, String> into) {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(URLDecoder.decode(name, StandardCharsets.UTF_8).trim(),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }
}
