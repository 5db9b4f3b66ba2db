package dev.kinetic.emulator.http.rest;

import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.schema.ChildRelationships;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The describe calls: {@code GET /sobjects} (describeGlobal), {@code GET /sobjects/{object}} (basic information)
 * and {@code GET /sobjects/{object}/describe}. The schema is fixed while the org runs, so an
 * {@code If-Modified-Since} at or after the org's start answers 304 with no body. Thread-safe.
 */
public final class DescribeRoutes implements RouteModule {
    private final Schema schema;
    private final SObjectDescriber describer;
    private final Instant schemaTime;

    /**
     * @param schema the org's schema
     * @param schemaTime when the schema was loaded (the org's start on its clock)
     */
    public DescribeRoutes(Schema schema, Instant schemaTime) {
        this.schema = Objects.requireNonNull(schema, "schema == null");
        this.describer = new SObjectDescriber(new ChildRelationships(schema));
        this.schemaTime = schemaTime.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/services/data/{version}/sobjects", this::describeGlobal);
        routes.add("GET", "/services/data/{version}/sobjects/{object}", this::basicInfo);
        routes.add("GET", "/services/data/{version}/sobjects/{object}/describe", this::describe);
    }

    private void describeGlobal(ApiExchange ex) {
        String versionPath = versionPath(ex);
        if (notModified(ex)) {
            return;
        }
        List<Map<String, Object>> sobjects = new ArrayList<>();
        for (SObjectType t : schema.types()) {
            sobjects.add(describer.globalEntry(t, versionPath));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("encoding", "UTF-8");
        out.put("maxBatchSize", 200);
        out.put("sobjects", sobjects);
        ex.json(200, out);
    }

    private void basicInfo(ApiExchange ex) {
        String versionPath = versionPath(ex);
        SObjectType type = object(ex);
        if (notModified(ex)) {
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("objectDescribe", describer.globalEntry(type, versionPath));
        out.put("recentItems", List.of());
        ex.json(200, out);
    }

    private void describe(ApiExchange ex) {
        String versionPath = versionPath(ex);
        SObjectType type = object(ex);
        if (notModified(ex)) {
            return;
        }
        ex.json(200, describer.describe(type, versionPath));
    }

    private SObjectType object(ApiExchange ex) {
        return schema.find(ex.pathParam("object")).orElseThrow(ApiException::notFound);
    }

    private static String versionPath(ApiExchange ex) {
        ex.apiVersion();
        return "/services/data/" + ex.pathParam("version").toLowerCase(Locale.ROOT);
    }

    // An unreadable If-Modified-Since is ignored, as HTTP caches do.
    private boolean notModified(ApiExchange ex) {
        Optional<Instant> since = ex.header("If-Modified-Since").flatMap(DescribeRoutes::httpDate);
        if (since.isPresent() && !since.get().isBefore(schemaTime)) {
            ex.empty(304);
            return true;
        }
        return false;
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
