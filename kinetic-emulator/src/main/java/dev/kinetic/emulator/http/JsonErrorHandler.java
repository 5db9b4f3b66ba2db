package dev.kinetic.emulator.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages replaced by Salesforce's REST error shape, {@code [{"errorCode":…,"message":…}]}, for the
 * errors Jetty answers itself before a route runs: a malformed URI or request line, headers too large, a failure
 * outside the route handlers. Every method gets a body (Jetty's default gives one to GET, POST and HEAD only).
 * Thread-safe.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json;charset=UTF-8";

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    /** The error array for a status and Jetty's reason (the status's own text when Jetty gives none). */
    static byte[] body(int status, String reason) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("errorCode", errorCode(status));
        error.put("message", message(status, reason));
        try {
            return Json.MAPPER.writeValueAsBytes(List.of(error));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Salesforce's code where it has one for the status; otherwise a code named after the status. */
    static String errorCode(int status) {
        return switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "REQUEST_HEADER_FIELDS_TOO_LARGE";
            case 502, 503, 504 -> "SERVER_UNAVAILABLE";
            default -> status >= 500 ? "UNKNOWN_EXCEPTION" : "BAD_REQUEST";
        };
    }

    private static String message(int status, String reason) {
        if (status == 404) {
            return "The requested resource does not exist";
        }
        if (status >= 500 && status != 503) {
            return "An unexpected error occurred in the local org";
        }
        String text = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return text == null ? "HTTP " + status : text;
    }
}
