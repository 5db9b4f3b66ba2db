package dev.kinetic.emulator.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the {@code records} of an sObject Collections body into chunks of consecutive records of one object, as
 * Salesforce processes them ({account1, account2, contact1, account3} is three chunks). Each record names its object
 * in {@code attributes.type}. Immutable.
 *
 * @param chunks the chunks in input order
 * @param size the number of records
 */
record CollectionChunks(List<Chunk> chunks, int size) {
    /** The most records one sObject Collections request may hold. */
    static final int MAX_RECORDS = 200;

    /** Consecutive records of one object; {@code first} is the index of the first one in the request. */
    record Chunk(SObjectType type, int first, List<ObjectNode> records) {
    }

    CollectionChunks {
        chunks = List.copyOf(chunks);
    }

    /**
     * Reads the {@code records} array of a body.
     *
     * @param fixedType the object of every record (the upsert's path names it), or null to read each record's
     *     {@code attributes.type}
     * @throws RestErrorException 400 for a body without records, more than 200 records, or a record whose type is
     *     missing or unknown
     */
    static CollectionChunks read(Schema schema, JsonNode body, SObjectType fixedType) {
        JsonNode records = body.path("records");
        if (!records.isArray()) {
            throw new RestErrorException(400, "JSON_PARSER_ERROR", "The body needs \"records\": a list of sObjects,"
                    + " each with \"attributes\":{\"type\":\"Account\"}");
        }
        checkSize(records.size());
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode node = records.get(i);
            if (!(node instanceof ObjectNode record)) {
                throw new RestErrorException(400, "JSON_PARSER_ERROR", "Record " + i + " of \"records\" is not a JSON"
                        + " object");
            }
            SObjectType type = fixedType != null ? fixedType : type(schema, record);
            Chunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            if (last == null || !last.type().name().equals(type.name())) {
                last = new Chunk(type, i, new ArrayList<>());
                chunks.add(last);
            }
            last.records().add(record);
        }
        return new CollectionChunks(chunks, records.size());
    }

    /** Refuses more than {@link #MAX_RECORDS} records with Salesforce's EXCEEDED_ID_LIMIT. */
    static void checkSize(int records) {
        if (records > MAX_RECORDS) {
            throw new RestErrorException(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_RECORDS + " records into this call (got " + records + ")");
        }
    }

    private static SObjectType type(Schema schema, ObjectNode record) {
        String name = record.path("attributes").path("type").asText("");
        if (name.isEmpty()) {
            throw new RestErrorException(400, "INVALID_TYPE", "Must send a concrete entity type.");
        }
        return schema.find(name).orElseThrow(() -> new RestErrorException(400, "INVALID_TYPE",
                "sObject type '" + name + "' is not supported."));
    }
}
