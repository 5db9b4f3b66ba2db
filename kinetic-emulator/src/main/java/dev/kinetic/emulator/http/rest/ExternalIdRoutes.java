package dev.kinetic.emulator.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.ids.SalesforceIds;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.service.dml.DmlOperation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sObject Rows by External ID resources: {@code GET /sobjects/{object}/{field}/{value}} (the record; 300 with
 * the matching records' URLs when several match) and the upsert {@code PATCH /sobjects/{object}/{field}/{value}}
 * (201 {@code {id, success, errors, created:true}} when created; when updated, 200 with {@code created:false} from
 * API 46.0, 204 before; 300 when several records match). The field must be an external id or idLookup field
 * ({@code Id} included). Thread-safe.
 */
final class ExternalIdRoutes {
    private static final String BY_KEY = "/services/data/{version}/sobjects/{object}/{field}/{value}";
    /** From this API version an upsert that updates answers 200 with a body instead of 204. */
    private static final double UPDATE_BODY_VERSION = 46.0;

    private final RecordRoutes rows;
    private final RecordFetcher fetcher;

    ExternalIdRoutes(RecordRoutes rows, RecordFetcher fetcher) {
        this.rows = rows;
        this.fetcher = fetcher;
    }

    void register(Routes routes) {
        routes.add("GET", BY_KEY, RecordRoutes.guarded(this::get));
        routes.add("PATCH", BY_KEY, RecordRoutes.guarded(this::upsert));
    }

    private void get(ApiExchange ex) {
        String versionPath = RecordRoutes.versionPath(ex);
        SObjectType type = rows.object(ex);
        FieldDef field = keyField(type, ex.pathParam("field"), false);
        String value = ex.pathParam("value");
        Optional<String> condition = condition(field, value);
        List<Map<String, Object>> found = condition.isEmpty() ? List.of()
                : fetcher.select(type, ex.query("fields"), condition.get(), versionPath);
        if (found.isEmpty()) {
            throw RestErrorException.notFound();
        }
        if (found.size() > 1) {
            ex.json(300, urls(found));
            return;
        }
        ex.json(200, found.get(0));
    }

    private void upsert(ApiExchange ex) {
        String body = ex.bodyAsString();
        String versionPath = RecordRoutes.versionPath(ex);
        SObjectType type = rows.object(ex);
        FieldDef field = keyField(type, ex.pathParam("field"), true);
        String value = ex.pathParam("value");
        ObjectNode record = JsonRecords.object(body);
        dropKeyFromBody(record, field, value);
        Optional<String> condition = condition(field, value);
        if (condition.isPresent()) {
            List<Map<String, Object>> found = fetcher.select(type, Optional.of("Id"), condition.get(), versionPath);
            if (found.size() > 1) {
                ex.json(300, urls(found));
                return;
            }
        }
        ObjectNode row = record.objectNode().put(field.name(), value);
        row.setAll(record);
        RecordWriter.Outcome outcome = rows.writeOne(ex, type, DmlOperation.UPSERT, field.name(), row,
                field.type() != FieldType.ID);
        if (outcome.created()) {
            ex.json(201, RecordRoutes.saveResult(outcome, true));
        } else if (ex.apiVersion() >= UPDATE_BODY_VERSION) {
            ex.json(200, RecordRoutes.saveResult(outcome, false));
        } else {
            ex.empty(204);
        }
    }

    // The path's field: unknown answers 404 as Salesforce does; one that cannot identify records 404 for a read,
    // 400 INVALID_FIELD for an upsert (the text Bulk upsert jobs give).
    private static FieldDef keyField(SObjectType type, String name, boolean upsert) {
        Optional<FieldDef> field = type.field(name).filter(FieldDef::stored);
        if (field.isPresent() && field.get().canIdentifyRecords()) {
            return field.get();
        }
        if (field.isPresent() && upsert) {
            throw new RestErrorException(400, "INVALID_FIELD", "Invalid field for upsert, must be an External Id"
                    + " custom or standard indexed field: " + field.get().name());
        }
        throw new RestErrorException(404, "NOT_FOUND", "Provided external ID field does not exist or is not"
                + " accessible: " + name);
    }

    // An external id in the body must be the path's value; it is then redundant.
    private static void dropKeyFromBody(ObjectNode record, FieldDef field, String value) {
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(field.name())) {
                if (!e.getValue().asText().equals(value)) {
                    throw new RestErrorException(400, "INVALID_FIELD", field.name() + " is the key of this upsert:"
                            + " the body gives " + e.getValue() + " but the URL gives " + value
                            + "; leave it out of the body");
                }
                it.remove();
            }
        }
    }

    // The SOQL condition matching the value, or empty when no record can hold it (a number field and a non-number).
    private static Optional<String> condition(FieldDef field, String value) {
        if (field.type() == FieldType.ID) {
            String id = SalesforceIds.normalize(value);
            return id == null ? Optional.empty() : Optional.of("Id = '" + id + "'");
        }
        if (field.type().isNumeric()) {
            try {
                return Optional.of(field.name() + " = " + new BigDecimal(value).toPlainString());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(field.name() + " = '" + value.replace("\\", "\\\\").replace("'", "\\'") + "'");
    }

    private static List<String> urls(List<Map<String, Object>> records) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : records) {
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) r.get("attributes");
            out.add((String) attributes.get("url"));
        }
        return out;
    }
}
