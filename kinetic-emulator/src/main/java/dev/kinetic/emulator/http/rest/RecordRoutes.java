package dev.kinetic.emulator.http.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.ApiHandler;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.ids.SalesforceIds;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import dev.kinetic.emulator.service.dml.DmlEngine;
import dev.kinetic.emulator.service.dml.DmlOperation;
import dev.kinetic.emulator.soql.SoqlEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sObject Rows resources: {@code POST /sobjects/{object}} (create: 201 {@code {id, success, errors}}), and by
 * id {@code GET} (with {@code ?fields=}), {@code PATCH} (204) and {@code DELETE} (204, to the recycle bin). Records
 * are read with the org's SOQL engine ({@link RecordFetcher}) and written with the DML engine of Bulk jobs
 * ({@link RecordWriter}): a write has committed when it is answered. Also registers the external id and sObject
 * Collections resources. Errors are Salesforce's {@code [{"message","errorCode","fields"}]}. Thread-safe.
 */
public final class RecordRoutes implements RouteModule {
    private static final String ROWS = "/services/data/{version}/sobjects/{object}/{id}";

    private final Schema schema;
    private final RecordFetcher fetcher;
    private final RecordWriter writer;

    /** @param context the org: its database, schema and clock */
    public RecordRoutes(OrgContext context) {
        this.schema = context.schema();
        this.fetcher = new RecordFetcher(schema, new SoqlEngine(context.database(), context.clock()));
        this.writer = new RecordWriter(new DmlEngine(context.database(), context.clock()));
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/services/data/{version}/sobjects/{object}", guarded(this::create));
        routes.add("GET", ROWS, guarded(this::get));
        routes.add("PATCH", ROWS, guarded(this::update));
        routes.add("DELETE", ROWS, guarded(this::delete));
        new ExternalIdRoutes(this, fetcher).register(routes);
        new CollectionRoutes(schema, this, fetcher, writer).register(routes);
    }

    private void get(ApiExchange ex) {
        String versionPath = versionPath(ex);
        SObjectType type = object(ex);
        String id = pathId(ex.pathParam("id"));
        if (!SalesforceIds.keyPrefix(id).equals(type.keyPrefix())) {
            throw RestErrorException.notFound();
        }
        Map<String, Object> record = fetcher.byId(type, id, ex.query("fields"), versionPath)
                .orElseThrow(RestErrorException::notFound);
        ex.json(200, record);
    }

    private void create(ApiExchange ex) {
        String body = ex.bodyAsString();
        versionPath(ex);
        SObjectType type = object(ex);
        ObjectNode record = JsonRecords.object(body);
        if (record.has("Id") || record.has("id")) {
            throw new RestErrorException(400, "INVALID_FIELD", "The Id field should not be specified in the sobject"
                    + " data.");
        }
        RecordWriter.Outcome outcome = writeOne(ex, type, DmlOperation.INSERT, null, record, true);
        ex.json(201, saveResult(outcome, null));
    }

    private void update(ApiExchange ex) {
        String body = ex.bodyAsString();
        versionPath(ex);
        SObjectType type = object(ex);
        String id = pathId(ex.pathParam("id"));
        ObjectNode record = JsonRecords.object(body);
        record.remove(List.of("Id", "id", "ID", "iD"));
        ObjectNode row = record.objectNode().put("Id", id);
        row.setAll(record);
        writeOne(ex, type, DmlOperation.UPDATE, null, row, live(type, id));
        ex.empty(204);
    }

    private void delete(ApiExchange ex) {
        versionPath(ex);
        SObjectType type = object(ex);
        String id = pathId(ex.pathParam("id"));
        ObjectNode row = JsonRecords.object("{}").put("Id", id);
        writeOne(ex, type, DmlOperation.DELETE, null, row, live(type, id));
        ex.empty(204);
    }

    // Whether a live record of the type has the id (then a failure of its write is the data's fault: 400).
    private boolean live(SObjectType type, String id) {
        return SalesforceIds.keyPrefix(id).equals(type.keyPrefix())
                && fetcher.byId(type, id, Optional.of("Id"), "").isPresent();
    }

    /**
     * Writes one record and answers its failure as Salesforce does: a record the path names that does not exist
     * (or not any more) is 404, any other failure 400.
     *
     * @param targetLive whether the record the path names was live before the write (true for a create)
     */
    RecordWriter.Outcome writeOne(ApiExchange ex, SObjectType type, DmlOperation operation, String keyField,
                                  ObjectNode record, boolean targetLive) {
        RecordWriter.Outcome outcome = writer.write(type, operation, keyField, List.of(record),
                ex.session().userId(), false).get(0);
        if (outcome.success()) {
            return outcome;
        }
        RestError error = outcome.errors().get(0);
        if (error.errorCode().equals("ENTITY_IS_DELETED")) {
            throw new RestErrorException(404, outcome.errors());
        }
        if (!targetLive && error.errorCode().equals("INVALID_CROSS_REFERENCE_KEY")) {
            throw RestErrorException.notFound();
        }
        throw new RestErrorException(400, outcome.errors());
    }

    /** {@code {"id","success":true,"errors":[]}}, plus {@code created} when {@code created} is not null. */
    static Map<String, Object> saveResult(RecordWriter.Outcome outcome, Boolean created) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", outcome.id());
        out.put("success", outcome.success());
        out.put("errors", outcome.errors().stream().map(RestError::asCollectionBody).toList());
        if (created != null) {
            out.put("created", created);
        }
        return out;
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
    static String pathId(String raw) {
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
