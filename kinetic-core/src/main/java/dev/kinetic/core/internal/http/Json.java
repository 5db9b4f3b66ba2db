package dev.kinetic.core.internal.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinetic.core.SalesforceException;
import java.io.IOException;

/** The library's one Jackson mapper. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    public static JsonNode parse(String text, String what) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null) {
                throw new SalesforceException("Empty JSON answer for " + what);
            }
            return n;
        } catch (IOException e) {
            throw new SalesforceException("Salesforce sent invalid JSON for " + what + ": " + e.getMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
