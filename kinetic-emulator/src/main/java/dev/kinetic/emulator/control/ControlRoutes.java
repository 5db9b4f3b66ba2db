package dev.kinetic.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.auth.AuthModule;
import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.ApiHandler;
import dev.kinetic.emulator.http.Json;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.service.dml.DmlJobFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The control plane under {@code /__emulator/} (JSON in and out): reset, seed records, job progression, token
 * lifetime and expiry, refresh token minting, and fault rules. Every route needs the org's {@link ControlSecret} in
 * the {@value ControlSecret#HEADER} header (an access token is no substitute). See the README for the API.
 * Thread-safe.
 */
public final class ControlRoutes implements RouteModule {
    private final OrgContext context;
    private final AuthModule auth;
    private final FaultRules faults;
    private final List<RouteModule> modules;
    private final RecordSeeder seeder;
    private final OrgReset orgReset;
    private final ControlSecret secret;

    /**
     * @param context the org
     * @param auth the org's OAuth (token lifetimes, refresh tokens, the admin user)
     * @param faults the fault rules the server consults
     * @param modules every other module, reset by {@code POST /__emulator/reset}
     * @param secret the secret every control request must carry
     */
    public ControlRoutes(OrgContext context, AuthModule auth, FaultRules faults, List<RouteModule> modules,
                         ControlSecret secret) {
        this.secret = Objects.requireNonNull(secret, "secret == null");
        this.context = Objects.requireNonNull(context, "context == null");
        this.auth = Objects.requireNonNull(auth, "auth == null");
        this.faults = Objects.requireNonNull(faults, "faults == null");
        this.modules = List.copyOf(modules);
        this.seeder = new RecordSeeder(context.database(), context.clock());
        this.orgReset = new OrgReset(context.database(), auth.identity().adminUserId());
    }

    @Override
    public void register(Routes table) {
        Guarded routes = new Guarded(table, secret);
        routes.on("POST", "/__emulator/reset", this::reset);
        routes.on("POST", "/__emulator/records/{object}", this::seed);
        routes.on("PUT", "/__emulator/progression", this::progression);
        routes.on("PUT", "/__emulator/tokens", this::tokenTtl);
        routes.on("POST", "/__emulator/tokens/expire", ex -> {
            auth.expireAllAccessTokens();
            ex.empty(204);
        });
        routes.on("POST", "/__emulator/refresh-tokens", this::refreshToken);
        routes.on("POST", "/__emulator/faults", ex -> ex.json(201, Map.of("id", faults.add(body(ex)))));
        routes.on("GET", "/__emulator/faults", ex -> ex.json(200, faults.describe()));
        routes.on("DELETE", "/__emulator/faults", ex -> {
            faults.clear();
            ex.empty(204);
        });
        routes.on("DELETE", "/__emulator/faults/{id}", ex -> {
            if (!faults.remove(ex.pathParam("id"))) {
                throw new ApiException(404, "NOT_FOUND", "No fault rule has the id " + ex.pathParam("id"));
            }
            ex.empty(204);
        });
    }

    // Registers every control route behind the secret, so that none can be added without it.
    private record Guarded(Routes table, ControlSecret secret) {
        void on(String method, String pattern, ApiHandler handler) {
            table.public_(method, pattern, secret.guard(handler));
        }
    }

    private void reset(ApiExchange ex) {
        for (RouteModule m : modules) {
            m.reset();
        }
        orgReset.deleteRecords();
        faults.clear();
        context.progression(context.config().progression());
        ex.empty(204);
    }

    private void seed(ApiExchange ex) throws DmlJobFailure {
        JsonNode body = body(ex);
        if (!body.isArray()) {
            throw invalid("the body is a JSON array of records, e.g. [{\"Name\":\"Acme\"}]");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : body) {
            if (!row.isObject()) {
                throw invalid("each record is a JSON object of field values, got " + row);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            row.properties().forEach(e -> values.put(e.getKey(), scalar(e.getValue())));
            rows.add(values);
        }
        RecordSeeder.Outcome outcome;
        try {
            outcome = seeder.insert(ex.pathParam("object"), rows, auth.identity().adminUserId());
        } catch (DmlJobFailure e) {
            throw invalid(e.getMessage());
        }
        if (!outcome.errors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (RecordSeeder.RowError e : outcome.errors()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("errorCode", e.errorCode());
                m.put("message", e.message());
                m.put("fields", e.fields());
                m.put("index", e.index());
                errors.add(m);
            }
            ex.json(400, errors);
            return;
        }
        ex.json(200, Map.of("ids", outcome.ids()));
    }

    private void progression(ApiExchange ex) {
        JsonNode body = body(ex);
        String mode = body.path("mode").asText("");
        Progression rule;
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("mode", mode);
        switch (mode) {
            case "immediate" -> rule = Progression.immediate();
            case "afterPolls" -> {
                int polls = body.path("polls").asInt(-1);
                if (polls < 0) {
                    throw invalid("afterPolls needs \"polls\": a number of GETs, 0 or more");
                }
                rule = Progression.afterPolls(polls);
                echo.put("polls", polls);
            }
            case "afterDelay" -> {
                long delay = body.path("delayMillis").asLong(-1);
                if (delay < 0) {
                    throw invalid("afterDelay needs \"delayMillis\": 0 or more milliseconds");
                }
                rule = Progression.afterDelay(Duration.ofMillis(delay));
                echo.put("delayMillis", delay);
            }
            default -> throw invalid("mode must be immediate, afterPolls or afterDelay, got \"" + mode + "\"");
        }
        context.progression(rule);
        ex.json(200, echo);
    }

    private void tokenTtl(ApiExchange ex) {
        long seconds = body(ex).path("ttlSeconds").asLong(0);
        if (seconds < 1) {
            throw invalid("ttlSeconds must be a positive number of seconds");
        }
        auth.tokenTtl(Duration.ofSeconds(seconds));
        ex.empty(204);
    }

    private void refreshToken(ApiExchange ex) {
        JsonNode body = body(ex);
        String username = body.path("username").asText(auth.identity().adminUsername());
        Optional<String> clientId = body.hasNonNull("clientId") ? Optional.of(body.get("clientId").asText())
                : Optional.empty();
        try {
            ex.json(200, Map.of("refresh_token", auth.mintRefreshToken(username, clientId)));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static Object scalar(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        throw invalid("field values must be strings, numbers, booleans or null, got " + v);
    }

    private static JsonNode body(ApiExchange ex) {
        String text = ex.bodyAsString();
        if (text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "INVALID_CONTROL_REQUEST", message);
    }
}
