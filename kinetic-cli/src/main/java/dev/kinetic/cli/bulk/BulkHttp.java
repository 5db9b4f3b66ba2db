package dev.kinetic.cli.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Bulk API 2.0 calls over {@code java.net.http}: JSON in and out, CSV streamed both ways, Salesforce's error array
 * turned into {@link BulkHttpException}. Thread-safe.
 */
public final class BulkHttp {
    /** The API version the command speaks. */
    public static final String API_VERSION = "v62.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI instanceUrl;
    private final Supplier<String> accessToken;

    /**
     * @param instanceUrl the org's instance URL, e.g. {@code https://acme.my.salesforce.com}
     * @param accessToken where to get the current access token
     */
    public BulkHttp(URI instanceUrl, Supplier<String> accessToken) {
        this.instanceUrl = Objects.requireNonNull(instanceUrl, "instanceUrl == null");
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken == null");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** The org's instance URL. */
    public URI instanceUrl() {
        return instanceUrl;
    }

    /** The JSON mapper used for requests and answers. */
    static ObjectMapper json() {
        return JSON;
    }

    /** Sends a JSON request to a path under {@code /services/data/vXX.X} and reads the JSON answer (null if none). */
    public JsonNode send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder request = request(path).header("Accept", "application/json");
        if (body != null) {
            try {
                publisher = HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            request.header("Content-Type", "application/json; charset=UTF-8");
        }
        HttpResponse<byte[]> response = call(request.method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        check(response.statusCode(), response.body());
        if (response.body().length == 0) {
            return null;
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new BulkHttpException(response.statusCode(), "", "the org answered with JSON that cannot be read: "
                    + e.getMessage());
        }
    }

    /** Uploads CSV data to a job. The stream is read once, to its end. */
    public void upload(String path, Supplier<InputStream> data) {
        HttpRequest request = request(path).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(data)).build();
        HttpResponse<byte[]> response = call(request, HttpResponse.BodyHandlers.ofByteArray());
        check(response.statusCode(), response.body());
    }

    /** Opens a CSV answer for streaming; the caller closes it. */
    public HttpResponse<InputStream> openCsv(String path) {
        HttpRequest request = request(path).header("Accept", "text/csv").GET().build();
        HttpResponse<InputStream> response = call(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 300) {
            try (InputStream body = response.body()) {
                check(response.statusCode(), body.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return response;
    }

    private HttpRequest.Builder request(String path) {
        String full = path.startsWith("/services/") ? path : "/services/data/" + API_VERSION + path;
        return HttpRequest.newBuilder(instanceUrl.resolve(full))
                .header("Authorization", "Bearer " + accessToken.get())
                .timeout(Duration.ofMinutes(10));
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the org at " + instanceUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to " + instanceUrl, e);
        }
    }

    private static void check(int status, byte[] body) {
        if (status < 300) {
            return;
        }
        String errorCode = "";
        String message = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode first = node != null && node.isArray() && node.size() > 0 ? node.get(0) : node;
            if (first != null && first.has("message")) {
                errorCode = first.path("errorCode").asText("");
                message = first.path("message").asText("");
            }
        } catch (IOException notJson) {
            // keep the raw text
        }
        if (message.isEmpty()) {
            message = "HTTP " + status;
        }
        throw new BulkHttpException(status, errorCode, message);
    }
}
