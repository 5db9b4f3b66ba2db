package dev.kinetic.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.core.BulkApiException;

/** Turns an error answer (Salesforce's JSON error array, or anything else) into a {@link BulkApiException}. */
final class ErrorBodies {
    private ErrorBodies() {
    }

    static BulkApiException toException(int status, String body, String method, String path) {
        String code = "";
        String message = "";
        try {
            JsonNode n = Json.MAPPER.readTree(body == null ? "" : body);
            JsonNode first = n != null && n.isArray() && n.size() > 0 ? n.get(0) : n;
            if (first != null && first.isObject()) {
                code = first.path("errorCode").asText(first.path("error").asText(""));
                message = first.path("message").asText(first.path("error_description").asText(""));
            }
        } catch (Exception e) {
            // Not JSON: fall through to the raw text.
        }
        if (code.isEmpty() && message.isEmpty()) {
            String b = body == null ? "" : body.strip();
            message = (b.length() > 300 ? b.substring(0, 300) + "..." : b);
            if (message.isEmpty()) {
                message = "no error details in the response";
            }
        }
        return new BulkApiException(status, code, message, method + " " + path);
    }

    static boolean isInvalidSession(int status, String body) {
        return status == 401 && body != null && body.contains("INVALID_SESSION_ID");
    }
}
