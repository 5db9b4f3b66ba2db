package dev.kinetic.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The local org's one JSON mapper (thread-safe once configured). */
public final class Json {
    /** Shared mapper: emits fields in declaration order, ignores unknown properties when reading. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }
}
