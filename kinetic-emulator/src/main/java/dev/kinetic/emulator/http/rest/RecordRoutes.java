package dev.kinetic.emulator.http.rest;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.ApiHandler;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.ids.SalesforceIds;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import dev.kinetic.emulator.soql.SoqlEngine;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sObject Rows resources: {@code GET /sobjects/{object}/{id}} (with {@code ?fields=}). Records are read with
 * the org's SOQL engine ({@link RecordFetcher}). Errors are Salesforce's {@code [{"message","errorCode","fields"}]}.
 * Thread-safe.
 */
public final class RecordRoutes implements RouteModule {
    private static final String ROWS = "/services/data/{version}/sobjects/{object}/{id}";

    private final Schema schema;
    private final RecordFetcher fetcher;

    /** @param context the org: its database, schema and clock */
    public RecordRoutes(OrgContext context) {
        this.schema = context.schema();
        this.fetcher = new RecordFetcher(schema, new SoqlEngine(context.database(), context.clock()));
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", ROWS, guarded(this::get));
    }

    private void get(ApiExchange ex) {
        String versionPath = versionPath(ex);
        SObjectType type = object(ex);
        String id = pathId(type, ex.pathParam("id"));
        if (!SalesforceIds.keyPrefix(id).equals(type.keyPrefix())) {
            throw RestErrorException.notFound();
        }
        Map<String, Object> record = fetcher.byId(type, id, ex.query("fields"), versionPath)
                .orElseThrow(RestErrorException::notFound);
        ex.json(200, record);
    }

    /** The object of the path; an unknown one answers 404 NOT_FOUND. */
    SObjectType object(ApiExchange ex) {
        return schema.find(ex.pathParam("object")).orElseThrow(ApiException::notFound);
    }

    /**
     * The 18-character form of a record id in a path. Text that is not an id answers 404 NOT_FOUND as Salesforce
     * does: it reads the segment as an external id field name ({@code /sobjects/{object}/{field}/{value}} without
     * its value).
     */
    static String pathId(SObjectType type, String raw) {
        String id = SalesforceIds.normalize(raw);
        if (id == null) {
            throw new RestErrorException(404, "NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + raw);
        }
        return id;
    }

    /** {@code /services/data/vXX.X} of the request, after checking the version. */
    static String versionPath(ApiExchange ex) {
        ex.apiVersion();
        return "/services/data/" + ex.pathParam("version").toLowerCase(Locale.ROOT);
    }

    /** Renders a {@link RestErrorException} as Salesforce's REST error array. */
    static ApiHandler guarded(ApiHandler handler) {
        return ex -> {
            try {
                handler.handle(ex);
            } catch (RestErrorException e) {
                List<Map<String, Object>> body = e.errors().stream().map(RestError::asRestBody).toList();
                ex.json(e.status(), body);
            }
        };
    }
}
