package dev.kinetic.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * One HTTP request and its response, as handlers see it: method, path parameters, query, headers, a streamed body,
 * the caller's session, and helpers that render JSON, CSV streams and Salesforce errors. Not thread-safe: one
 * handler uses it on one thread.
 */
public final class ApiExchange {
    private static final byte[] NO_BYTES = new byte[0];

    private final Request request;
    private final Response response;
    private final Map<String, String> params;
    private final Fields query;
    private ApiSession session;
    private boolean committed;

    ApiExchange(Request request, Response response, Map<String, String> params) {
        this.request = request;
        this.response = response;
        this.params = Map.copyOf(params);
        this.query = Request.extractQueryParameters(request);
    }

    /** The HTTP method in upper case. */
    public String method() {
        return request.getMethod();
    }

    /** The decoded request path with empty segments dropped, e.g. {@code /services/data/v62.0/jobs/ingest}. */
    public String path() {
        return canonicalPath(request);
    }

    /** The decoded path with runs of slashes collapsed: {@code //services/data} is {@code /services/data}. */
    static String canonicalPath(Request request) {
        String path = request.getHttpURI().getDecodedPath();
        return path == null ? "/" : path.replaceAll("/{2,}", "/");
    }

    /** The full request URI as sent, with the query. */
    public String uri() {
        return request.getHttpURI().asString();
    }

    /** The value of a {@code {name}} path parameter of the route. */
    public String pathParam(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return v;
    }

    /** The first value of a query parameter, if present. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.getValue(name));
    }

    /** A request header (case-insensitive name), if present. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    /** The API version of a {@code /services/data/vXX.X/...} route (its {@code {version}} parameter) as a number. */
    public double apiVersion() {
        String v = params.get("version");
        if (v == null || !v.matches("(?i)v\\d{2,3}\\.\\d")) {
            throw ApiException.notFound();
        }
        double version = Double.parseDouble(v.substring(1));
        if (version < 31.0) {
            throw new ApiException(410, "GONE", "The requested version has been retired: " + v);
        }
        return version;
    }

    /** The request body as a stream (already inflated when it was sent with {@code Content-Encoding: gzip}). */
    public InputStream body() {
        return Content.Source.asInputStream(request);
    }

    /** The whole request body as UTF-8 text; for small bodies only. */
    public String bodyAsString() {
        try (InputStream in = body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The declared Content-Type, if any. */
    public Optional<String> contentType() {
        return header("Content-Type");
    }

    /** The caller's session; present on authenticated routes. */
    public ApiSession session() {
        return Objects.requireNonNull(session, "route is not authenticated");
    }

    /** Sets the caller's session (done by the server after checking the token). */
    public void session(ApiSession session) {
        this.session = session;
    }

    /** Adds a response header. Call before sending the body. */
    public ApiExchange responseHeader(String name, String value) {
        response.getHeaders().put(name, value);
        return this;
    }

    /** Sends a JSON body ({@code application/json;charset=UTF-8}); {@code body} is anything Jackson can write. */
    public void json(int status, Object body) {
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
            send(status, "application/json;charset=UTF-8", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a Salesforce REST error: {@code [{"errorCode":…,"message":…}]}. */
    public void error(int status, String errorCode, String message) {
        if (request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0
                || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            // An error may be answered before the body was read (a refused token, a job in the wrong state). Jetty then
            // closes the connection after the answer, and a client that kept it pooled would send its next request
            // into a closed socket ("received no bytes"): the answer says the connection closes.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        Map<String, String> error = new LinkedHashMap<>();
        error.put("errorCode", errorCode);
        error.put("message", message);
        json(status, List.of(error));
    }

    /** Sends a status with no body (201 after an upload, 204 after a delete). */
    public void empty(int status) {
        send(status, null, NO_BYTES);
    }

    /**
     * Starts a streamed response body; the caller writes to the stream and closes it. Large CSV results go this
     * way so they never sit in memory. Compression, when the client asked for gzip, is applied by the server.
     */
    public OutputStream stream(int status, String contentType) {
        committed = true;
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put("Content-Type", contentType);
        }
        return Content.Sink.asOutputStream(response);
    }

    /** Whether a response has been started. */
    public boolean committed() {
        return committed;
    }

    /** The request's headers, for diagnostics and the control plane. */
    public List<HttpField> headers() {
        return request.getHeaders().asImmutable().stream().toList();
    }

    Request request() {
        return request;
    }

    Response response() {
        return response;
    }

    private void send(int status, String contentType, byte[] bytes) {
        try (OutputStream out = stream(status, contentType)) {
            if (bytes.length > 0) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
