package dev.kinetic.emulator.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinetic.emulator.LocalOrg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON requests to one org's control plane under {@code /__emulator/}, each carrying the org's control secret.
 * Thread-safe.
 */
final class ControlChannel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final LocalOrg org;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ControlChannel(LocalOrg org) {
        this.org = org;
    }

    /** Sends the request and returns the answer's JSON (empty for 204); throws naming the call on a non-2xx. */
    JsonNode call(String method, String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(org.baseUri() + "/__emulator/" + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(LocalOrg.CONTROL_SECRET_HEADER, org.controlSecret())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(write(body)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("The local org refused " + method + " /__emulator/" + path + " with "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The local org answered " + method + " /__emulator/" + path
                    + " with a body that is not JSON: " + response.body(), e);
        }
    }

    /*
     * The org closes a connection idle for 30 s while java.net.http keeps it pooled longer, so a call after a long
     * test can go to a socket the org already closed and get no bytes back. The org never saw that request, so it
     * is sent once more, on a new connection.
     */
    private HttpResponse<String> send(HttpRequest request) {
        try {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the local org's control plane at " + org.baseUri()
                    + " (" + request.method() + " " + request.uri().getPath() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the local org's control plane", e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the control request as JSON: " + e.getMessage(), e);
        }
    }
}
