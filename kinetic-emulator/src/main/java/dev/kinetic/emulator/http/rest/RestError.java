package dev.kinetic.emulator.http.rest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One error of the REST record API as Salesforce writes it: {@code {"message":…,"errorCode":…,"fields":[…]}} (the
 * sObject Collections results name the code {@code statusCode}). Immutable.
 *
 * @param errorCode Salesforce's code, e.g. {@code REQUIRED_FIELD_MISSING}
 * @param message Salesforce's message
 * @param fields the fields the error is about; empty when none
 */
record RestError(String errorCode, String message, List<String> fields) {
    RestError {
        Objects.requireNonNull(errorCode, "errorCode == null");
        Objects.requireNonNull(message, "message == null");
        fields = List.copyOf(fields);
    }

    /** An error about no field in particular. */
    static RestError of(String errorCode, String message) {
        return new RestError(errorCode, message, List.of());
    }

    /**
     * Parses the engine's {@code sf__Error} text, {@code CODE:message:field1,field2 --} or {@code CODE:message:--}.
     * The message may itself hold colons; the fields never do.
     */
    static RestError fromRowError(String sfError) {
        String text = sfError == null ? "UNKNOWN_EXCEPTION:unknown error:--" : sfError;
        int first = text.indexOf(':');
        if (first < 0) {
            return of("UNKNOWN_EXCEPTION", text);
        }
        String code = text.substring(0, first);
        String rest = text.substring(first + 1);
        if (rest.endsWith(":--")) {
            return of(code, rest.substring(0, rest.length() - 3));
        }
        int last = rest.lastIndexOf(':');
        if (last < 0 || !rest.endsWith(" --")) {
            return of(code, rest);
        }
        String fieldText = rest.substring(last + 1, rest.length() - 3).trim();
        List<String> fields = fieldText.isEmpty() ? List.of() : List.of(fieldText.split(","));
        return new RestError(code, rest.substring(0, last), fields);
    }

    /** The single-record API's shape: {@code {"message","errorCode","fields"}}. */
    Map<String, Object> asRestBody() {
        return ordered("message", message, "errorCode", errorCode, "fields", fields);
    }

    /** The sObject Collections shape: {@code {"statusCode","message","fields"}}. */
    Map<String, Object> asCollectionBody() {
        return ordered("statusCode", errorCode, "message", message, "fields", fields);
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2, String k3, Object v3) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put(k1, v1);
        out.put(k2, v2);
        out.put(k3, v3);
        return out;
    }
}
