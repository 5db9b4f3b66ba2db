package dev.kinetic.emulator.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.service.dml.DmlBatchWriter;
import dev.kinetic.emulator.service.dml.DmlEngine;
import dev.kinetic.emulator.service.dml.DmlJobFailure;
import dev.kinetic.emulator.service.dml.DmlOperation;
import dev.kinetic.emulator.service.dml.DmlRequest;
import dev.kinetic.emulator.service.dml.DmlRowResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes JSON records through the DML engine that Bulk ingest jobs use, so a REST write gets the same checks, the
 * same error codes and the same per-object write lane, and has committed when it returns. Each record becomes one
 * row: its keys form the header (the union over the records, in first-seen order; {@code attributes} is skipped), a
 * key a record lacks leaves the field untouched, {@code null} or {@code ""} sets null, a nested object such as
 * {@code "Account":{"External_Key__c":"A-1"}} becomes the relationship column {@code Account.External_Key__c}
 * ({@code User:Owner.Email} when a polymorphic one carries {@code attributes.type}). Thread-safe.
 */
final class RecordWriter {
    /** The text Salesforce gives the records an all-or-none request did not keep. */
    static final RestError ROLLED_BACK = RestError.of("ALL_OR_NONE_OPERATION_ROLLED_BACK",
            "Record rolled back because not all records were valid and the request was using AllOrNone header");
    private static final String NULL_CELL = "#N/A";

    private final DmlEngine engine;

    RecordWriter(DmlEngine engine) {
        this.engine = engine;
    }

    /** The outcome of one record: success with its id, or its errors. */
    record Outcome(boolean success, String id, boolean created, List<RestError> errors) {
        Outcome {
            errors = List.copyOf(errors);
        }
    }

    /**
     * Applies {@code operation} to the records in one transaction.
     *
     * @param keyField the upsert key field, or null
     * @param allOrNone when one record fails, roll every one back: the others fail with
     *     ALL_OR_NONE_OPERATION_ROLLED_BACK
     * @return one outcome per record, in input order
     * @throws RestErrorException 400 when the records cannot be written at all (an unknown field, a nested value
     *     that is not a relationship by external id)
     */
    List<Outcome> write(SObjectType type, DmlOperation operation, String keyField, List<ObjectNode> records,
                        String userId, boolean allOrNone) {
        List<String> header = new ArrayList<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (ObjectNode record : records) {
            rows.add(cells(type, record, header, columns));
        }
        List<String[]> cells = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String[] line = new String[header.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = row.getOrDefault(header.get(i).toLowerCase(Locale.ROOT), "");
            }
            cells.add(line);
        }
        DmlBatchWriter writer;
        try {
            writer = engine.prepare(new DmlRequest(type.name(), operation, header, keyField, userId));
        } catch (DmlJobFailure e) {
            throw headerFailure(type, e.getMessage());
        }
        List<DmlRowResult> results;
        try {
            results = writer.write(cells, (connection, outcome) -> {
                if (allOrNone && outcome.stream().anyMatch(r -> !r.success())) {
                    throw new RolledBack(outcome);
                }
            });
        } catch (RolledBack e) {
            return rolledBack(e.results);
        }
        List<Outcome> out = new ArrayList<>(results.size());
        for (DmlRowResult r : results) {
            out.add(r.success() ? new Outcome(true, r.id(), r.created(), List.of())
                    : new Outcome(false, r.id(), false, List.of(RestError.fromRowError(r.error()))));
        }
        return out;
    }

    /**
     * Removes records for good (hard delete), undoing creates that an all-or-none request must not keep.
     *
     * @throws IllegalStateException when a record could not be removed
     */
    void hardDelete(SObjectType type, List<String> ids, String userId) {
        List<ObjectNode> records = new ArrayList<>();
        for (String id : ids) {
            records.add(JsonRecords.object("{}").put("Id", id));
        }
        for (Outcome o : write(type, DmlOperation.HARD_DELETE, null, records, userId, false)) {
            if (!o.success()) {
                throw new IllegalStateException("Cannot undo a create of " + type.name() + ": " + o.errors());
            }
        }
    }

    // Header cells of one record (added to the header on first sight) and its cell texts by lower-case header.
    private static Map<String, String> cells(SObjectType type, ObjectNode record, List<String> header,
                                             Map<String, Integer> columns) {
        Map<String, String> row = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("attributes")) {
                continue;
            }
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (value.isObject()) {
                Map.Entry<String, JsonNode> parentKey = parentKey(name, (ObjectNode) value);
                String parentType = value.path("attributes").path("type").asText("");
                boolean polymorphic = type.relationship(name).map(f -> f.referenceTo().size() > 1).orElse(false);
                name = (polymorphic && !parentType.isEmpty() ? parentType + ":" : "") + name + "." + parentKey.getKey();
                value = parentKey.getValue();
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (!columns.containsKey(key)) {
                columns.put(key, header.size());
                header.add(name);
            }
            row.put(key, text(name, value));
        }
        return row;
    }

    // The one field (besides attributes) of a nested parent: the external id that names it.
    private static Map.Entry<String, JsonNode> parentKey(String relationship, ObjectNode parent) {
        Map.Entry<String, JsonNode> found = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = parent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("attributes")) {
                continue;
            }
            if (found != null) {
                throw new RestErrorException(400, "INVALID_FIELD", "The relationship " + relationship
                        + " names its parent by more than one field (" + found.getKey() + ", " + e.getKey()
                        + "): give one external id field");
            }
            found = e;
        }
        if (found == null) {
            throw new RestErrorException(400, "INVALID_FIELD", "The relationship " + relationship
                    + " names no field of its parent: give one external id field, e.g. {\"External_Key__c\":\"A-1\"}");
        }
        return found;
    }

    private static String text(String field, JsonNode value) {
        if (value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            return NULL_CELL;
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        throw new RestErrorException(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + field + " from "
                + value.getNodeType() + ": give a single value");
    }

    // Job failures of the header, as the REST API words them.
    private static RestErrorException headerFailure(SObjectType type, String jobMessage) {
        String text = jobMessage.replaceFirst("^Invalid(Batch|Job) : ", "");
        String notFound = "Field name not found : ";
        if (text.startsWith(notFound)) {
            return new RestErrorException(400, "INVALID_FIELD", "No such column '"
                    + text.substring(notFound.length()) + "' on sobject of type " + type.name());
        }
        return new RestErrorException(400, "INVALID_FIELD", text);
    }

    private static List<Outcome> rolledBack(List<DmlRowResult> results) {
        List<Outcome> out = new ArrayList<>(results.size());
        for (DmlRowResult r : results) {
            out.add(r.success() ? new Outcome(false, null, false, List.of(ROLLED_BACK))
                    : new Outcome(false, null, false, List.of(RestError.fromRowError(r.error()))));
        }
        return out;
    }

    // Thrown inside the batch's transaction so that the engine rolls it back; carries the results it would have had.
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<DmlRowResult> results;

        RolledBack(List<DmlRowResult> results) {
            super("all or none: rolled back", null, false, false);
            this.results = results;
        }
    }
}
