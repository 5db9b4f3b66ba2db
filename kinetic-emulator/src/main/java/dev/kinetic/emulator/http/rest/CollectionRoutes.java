package dev.kinetic.emulator.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.ids.SalesforceIds;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import dev.kinetic.emulator.service.dml.DmlOperation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * sObject Collections: {@code POST /composite/sobjects} (create), {@code PATCH /composite/sobjects} (update by Id),
 * {@code PATCH /composite/sobjects/{object}/{field}} (upsert), {@code DELETE /composite/sobjects?ids=…} and
 * {@code GET /composite/sobjects/{object}?ids=…&fields=…}. Up to 200 records; 200 with one result per record in input
 * order. Records of one object in a row are one chunk, written in one transaction by the DML engine of Bulk jobs;
 * with {@code allOrNone} a failure rolls the chunk back and the other records fail with
 * ALL_OR_NONE_OPERATION_ROLLED_BACK. A create over several chunks undoes the chunks already written by
 * hard-deleting their records; an update or delete with {@code allOrNone} over several objects is refused (not
 * supported). Thread-safe.
 */
final class CollectionRoutes {
    private static final String BASE = "/services/data/{version}/composite/sobjects";

    private final Schema schema;
    private final RecordRoutes rows;
    private final RecordFetcher fetcher;
    private final RecordWriter writer;

    CollectionRoutes(Schema schema, RecordRoutes rows, RecordFetcher fetcher, RecordWriter writer) {
        this.schema = schema;
        this.rows = rows;
        this.fetcher = fetcher;
        this.writer = writer;
    }

    void register(Routes routes) {
        routes.add("POST", BASE, RecordRoutes.guarded(ex -> write(ex, DmlOperation.INSERT)));
        routes.add("PATCH", BASE, RecordRoutes.guarded(ex -> write(ex, DmlOperation.UPDATE)));
        routes.add("PATCH", BASE + "/{object}/{field}", RecordRoutes.guarded(this::upsert));
        routes.add("DELETE", BASE, RecordRoutes.guarded(this::delete));
        routes.add("GET", BASE + "/{object}", RecordRoutes.guarded(this::retrieve));
    }

    private void write(ApiExchange ex, DmlOperation operation) {
        String body = ex.bodyAsString();
        RecordRoutes.versionPath(ex);
        ObjectNode request = requestObject(body);
        boolean allOrNone = request.path("allOrNone").asBoolean(false);
        CollectionChunks chunks = CollectionChunks.read(schema, request, null);
        if (operation != DmlOperation.INSERT) {
            refuseSeveralObjects(allOrNone, chunks.chunks().size());
        }
        List<Map<String, Object>> results = new ArrayList<>();
        List<CollectionChunks.Chunk> written = new ArrayList<>();
        List<List<RecordWriter.Outcome>> outcomes = new ArrayList<>();
        for (CollectionChunks.Chunk chunk : chunks.chunks()) {
            List<RecordWriter.Outcome> out = writer.write(chunk.type(), operation, null, chunk.records(),
                    ex.session().userId(), allOrNone);
            if (allOrNone && out.stream().anyMatch(o -> !o.success())) {
                ex.json(200, rolledBack(ex, chunks, written, outcomes, chunk, out));
                return;
            }
            written.add(chunk);
            outcomes.add(out);
        }
        for (int c = 0; c < written.size(); c++) {
            for (int i = 0; i < outcomes.get(c).size(); i++) {
                results.add(result(outcomes.get(c).get(i), givenId(written.get(c).records().get(i)), null));
            }
        }
        ex.json(200, results);
    }

    // All or none over several chunks: undo the creates of the chunks already written, then answer every record.
    private List<Map<String, Object>> rolledBack(ApiExchange ex, CollectionChunks chunks,
                                                 List<CollectionChunks.Chunk> written,
                                                 List<List<RecordWriter.Outcome>> outcomes,
                                                 CollectionChunks.Chunk failed, List<RecordWriter.Outcome> failures) {
        for (int c = 0; c < written.size(); c++) {
            List<String> ids = outcomes.get(c).stream().map(RecordWriter.Outcome::id).toList();
            writer.hardDelete(written.get(c).type(), ids, ex.session().userId());
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (CollectionChunks.Chunk chunk : chunks.chunks()) {
            for (int i = 0; i < chunk.records().size(); i++) {
                RecordWriter.Outcome o = chunk == failed ? failures.get(i)
                        : new RecordWriter.Outcome(false, null, false, List.of(RecordWriter.ROLLED_BACK));
                results.add(result(o, givenId(chunk.records().get(i)), null));
            }
        }
        return results;
    }

    private void upsert(ApiExchange ex) {
        String body = ex.bodyAsString();
        RecordRoutes.versionPath(ex);
        SObjectType type = rows.object(ex);
        String fieldName = ex.pathParam("field");
        FieldDef field = type.field(fieldName).filter(f -> f.stored() && f.canIdentifyRecords())
                .orElseThrow(() -> new RestErrorException(400, "INVALID_FIELD", "Invalid field for upsert, must be an"
                        + " External Id custom or standard indexed field: " + fieldName));
        ObjectNode request = requestObject(body);
        boolean allOrNone = request.path("allOrNone").asBoolean(false);
        CollectionChunks chunks = CollectionChunks.read(schema, request, type);
        List<ObjectNode> records = chunks.chunks().isEmpty() ? List.of() : chunks.chunks().get(0).records();
        List<RecordWriter.Outcome> out = records.isEmpty() ? List.of()
                : writer.write(type, DmlOperation.UPSERT, field.name(), records, ex.session().userId(), allOrNone);
        List<Map<String, Object>> results = new ArrayList<>();
        for (RecordWriter.Outcome o : out) {
            results.add(result(o, null, o.success() ? o.created() : null));
        }
        ex.json(200, results);
    }

    private void delete(ApiExchange ex) {
        RecordRoutes.versionPath(ex);
        boolean allOrNone = ex.query("allOrNone").map(Boolean::parseBoolean).orElse(false);
        List<String> given = ex.query("ids").map(s -> Arrays.stream(s.split(",")).map(String::trim)
                .filter(t -> !t.isEmpty()).toList()).orElse(List.of());
        CollectionChunks.checkSize(given.size());
        Map<Integer, RecordWriter.Outcome> outcomes = new LinkedHashMap<>();
        Map<SObjectType, List<Integer>> byType = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String id = SalesforceIds.normalize(given.get(i));
            Optional<SObjectType> type = id == null ? Optional.empty()
                    : schema.byKeyPrefix(SalesforceIds.keyPrefix(id));
            if (id == null) {
                outcomes.put(i, failure("MALFORMED_ID", "malformed id " + given.get(i)));
            } else if (type.isEmpty()) {
                outcomes.put(i, failure("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
            } else {
                byType.computeIfAbsent(type.get(), t -> new ArrayList<>()).add(i);
            }
        }
        refuseSeveralObjects(allOrNone, byType.size());
        if (allOrNone && !outcomes.isEmpty()) {
            byType.values().forEach(list -> list.forEach(i -> outcomes.put(i,
                    new RecordWriter.Outcome(false, null, false, List.of(RecordWriter.ROLLED_BACK)))));
            byType.clear();
        }
        for (Map.Entry<SObjectType, List<Integer>> e : byType.entrySet()) {
            List<ObjectNode> records = new ArrayList<>();
            for (int i : e.getValue()) {
                records.add(JsonRecords.object("{}").put("Id", SalesforceIds.normalize(given.get(i))));
            }
            List<RecordWriter.Outcome> out = writer.write(e.getKey(), DmlOperation.DELETE, null, records,
                    ex.session().userId(), allOrNone);
            for (int k = 0; k < out.size(); k++) {
                outcomes.put(e.getValue().get(k), out.get(k));
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String id = SalesforceIds.normalize(given.get(i));
            results.add(result(outcomes.get(i), id == null ? given.get(i) : id, null));
        }
        ex.json(200, results);
    }

    private void retrieve(ApiExchange ex) {
        String versionPath = RecordRoutes.versionPath(ex);
        SObjectType type = rows.object(ex);
        Optional<String> fields = ex.query("fields").filter(f -> !f.isBlank());
        if (fields.isEmpty()) {
            throw new RestErrorException(400, "MALFORMED_QUERY", "The fields parameter is required: e.g."
                    + " ?ids=001…&fields=Id,Name");
        }
        List<String> given = ex.query("ids").map(s -> Arrays.stream(s.split(",")).map(String::trim)
                .filter(t -> !t.isEmpty()).toList()).orElse(List.of());
        if (given.size() > 2_000) {
            throw new RestErrorException(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than"
                    + " 2000 ids into this call (got " + given.size() + ")");
        }
        List<String> ids = new ArrayList<>();
        for (String g : given) {
            String id = SalesforceIds.normalize(g);
            if (id != null && SalesforceIds.keyPrefix(id).equals(type.keyPrefix())) {
                ids.add(id);
            }
        }
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            String condition = "Id IN ('" + String.join("','", ids) + "')";
            for (Map<String, Object> r : fetcher.select(type, fields, condition, versionPath)) {
                @SuppressWarnings("unchecked")
                String url = (String) ((Map<String, Object>) r.get("attributes")).get("url");
                found.put(url.substring(url.lastIndexOf('/') + 1), r);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String g : given) {
            String id = SalesforceIds.normalize(g);
            out.add(id == null ? null : found.get(id));
        }
        ex.json(200, out);
    }

    private static void refuseSeveralObjects(boolean allOrNone, int objects) {
        if (allOrNone && objects > 1) {
            throw new RestErrorException(400, "FUNCTIONALITY_NOT_ENABLED", "allOrNone over records of more than one"
                    + " object is not supported by the local org for updates and deletes: send one request per object");
        }
    }

    private static ObjectNode requestObject(String body) {
        return JsonRecords.object(body);
    }

    private static RecordWriter.Outcome failure(String code, String message) {
        return new RecordWriter.Outcome(false, null, false, List.of(RestError.of(code, message)));
    }

    private static String givenId(ObjectNode record) {
        JsonNode id = record.get("Id");
        return id == null || !id.isTextual() ? null : SalesforceIds.normalize(id.asText());
    }

    // {id, success, errors[, created]}; a failed record without an id has no id key, as Salesforce answers.
    private static Map<String, Object> result(RecordWriter.Outcome o, String knownId, Boolean created) {
        Map<String, Object> out = new LinkedHashMap<>();
        String id = o.success() ? o.id() : knownId;
        if (id != null && !id.isEmpty()) {
            out.put("id", id);
        }
        out.put("success", o.success());
        out.put("errors", o.errors().stream().map(RestError::asCollectionBody).toList());
        if (created != null) {
            out.put("created", created);
        }
        return out;
    }
}
