package dev.kinetic.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiServerTest {
    private ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Routes routes = new Routes()
                .public_("GET", "/open/{name}", ex -> ex.json(200, Map.of("hello", ex.pathParam("name"))))
                .add("POST", "/services/data/{version}/echo", ex -> {
                    ex.apiVersion();
                    ex.json(200, Map.of("body", ex.bodyAsString(), "user", ex.session().userId()));
                })
                .add("GET", "/services/data/{version}/fail", ex -> {
                    throw new ApiException(400, "INVALIDJOBSTATE", "nope");
                })
                .add("GET", "/services/data/{version}/crash", ex -> {
                    throw new IllegalStateException("internal detail");
                });
        TokenVerifier tokens = t -> t.equals("good") ? Optional.of(new ApiSession("005A", "00DA", "u"))
                : Optional.empty();
        server = new ApiServer("127.0.0.1", 0, routes, tokens);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void matchesLiteralSegmentsCaseInsensitivelyWithOptionalTrailingSlash() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/OPEN/world/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"hello\":\"world\"}");
    }

    @Test
    void refusesMissingAndUnknownTokensAsSalesforceDoes() throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/services/data/v62.0/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x"));
        HttpResponse<String> none = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("INVALID_AUTH_HEADER");
        // Refused before its body was read: the answer closes the connection, so no request follows into it.
        assertThat(none.headers().firstValue("Connection")).hasValue("close");
        HttpResponse<String> bad = http.send(b.header("Authorization", "Bearer bad").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("\"errorCode\":\"INVALID_SESSION_ID\"")
                .contains("Session expired or invalid");
    }

    @Test
    void inflatesGzipBodiesAndCompressesWhenAsked() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri("/services/data/v62.0/echo"))
                        .header("Authorization", "Bearer good")
                        .header("Content-Encoding", "gzip")
                        .header("Accept-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(packed.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        String body = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(body).contains("\"body\":\"a,b\\n1,2\\n\"").contains("\"user\":\"005A\"");
    }

    @Test
    void rendersErrorsAsSalesforceArraysAndAnswersUnknownPathsWith404() throws Exception {
        HttpResponse<String> fail = http.send(HttpRequest.newBuilder(uri("/services/data/v62.0/fail"))
                .header("Authorization", "Bearer good").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fail.statusCode()).isEqualTo(400);
        assertThat(fail.body()).isEqualTo("[{\"errorCode\":\"INVALIDJOBSTATE\",\"message\":\"nope\"}]");
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(uri("/nowhere")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("NOT_FOUND");
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(uri("/open/x"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(405);
    }

    @Test
    void handlerCrashAnswers500UnknownExceptionAsJson() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/services/data/v62.0/crash"))
                .header("Authorization", "Bearer good").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).startsWith("[{\"errorCode\":\"UNKNOWN_EXCEPTION\",\"message\":")
                .doesNotContain("internal detail");
    }
}
