package dev.kinetic.core.internal.http;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * One REST call to the org. {@code path} is either relative to {@code /services/data/vXX.X} (starting with
 * {@code /jobs}) or absolute (starting with {@code /services/}). {@code retryable} says whether a transient failure
 * may be answered by sending the request again; uploads are not retryable (exactly-once).
 */
public record Request(String method, String path, String contentType, String accept, String jsonBody,
                      Supplier<InputStream> bodyStream, long bodyLength, LongConsumer uploadProgress,
                      boolean retryable) {
    public Request {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
    }

    public static Request get(String path) {
        return new Request("GET", path, null, "application/json", null, null, -1, null, true);
    }

    public static Request getCsv(String path) {
        return new Request("GET", path, null, "text/csv", null, null, -1, null, true);
    }

    public static Request json(String method, String path, String body) {
        return new Request(method, path, "application/json; charset=UTF-8", "application/json", body, null, -1, null,
                true);
    }

    public static Request delete(String path) {
        return new Request("DELETE", path, null, "application/json", null, null, -1, null, true);
    }

    /** A CSV upload, sent exactly once. */
    public static Request uploadCsv(String path, Supplier<InputStream> body, long length, LongConsumer progress) {
        return new Request("PUT", path, "text/csv", "application/json", null, body, length, progress, false);
    }

    /** The same request, sent at most once (ambiguous failures are reported, not retried). */
    public Request once() {
        return new Request(method, path, contentType, accept, jsonBody, bodyStream, bodyLength, uploadProgress,
                false);
    }

    public Map<String, String> describe() {
        return Map.of("method", method, "path", path);
    }
}
