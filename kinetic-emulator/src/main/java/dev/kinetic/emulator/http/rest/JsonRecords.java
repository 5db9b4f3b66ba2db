package dev.kinetic.emulator.http.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinetic.emulator.http.Json;

/**
 * Reads the JSON bodies of the record API. Numbers keep their decimal digits (no binary rounding). Text that is not
 * JSON, or JSON of the wrong shape, answers 400 {@code JSON_PARSER_ERROR} as Salesforce does, naming the line and
 * column. Stateless.
 */
final class JsonRecords {
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonRecords() {
    }

    /** The body as a JSON tree. */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new RestErrorException(400, "JSON_PARSER_ERROR", "The request body is empty: send a JSON object");
        }
        try {
            return READER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at [line:" + at.getLineNr() + ", column:" + at.getColumnNr() + "]";
            throw new RestErrorException(400, "JSON_PARSER_ERROR", e.getOriginalMessage() + where);
        }
    }

    /** The body as one JSON object (a record). */
    static ObjectNode object(String body) {
        JsonNode node = parse(body);
        if (!(node instanceof ObjectNode o)) {
            throw new RestErrorException(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of SObject from "
                    + node.getNodeType() + " value: the body must be one JSON object of field values");
        }
        return o;
    }
}
