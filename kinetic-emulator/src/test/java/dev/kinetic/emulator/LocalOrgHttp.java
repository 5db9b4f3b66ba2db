package dev.kinetic.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Raw HTTP to a local org for the emulator's tests: forms, JSON, bearer calls and JWT assertions (JDK only). Made
 * with {@link #of(LocalOrg)} it sends the org's control secret on every {@code /__emulator/} request; made with a
 * base URI it sends none.
 */
public final class LocalOrgHttp {
    /** A shared JSON reader. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String controlSecret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param base the org's base URI; control plane calls go without a secret */
    public LocalOrgHttp(URI base) {
        this(base, null);
    }

    private LocalOrgHttp(URI base, String controlSecret) {
        this.base = base;
        this.controlSecret = controlSecret;
    }

    /** Speaks to {@code org}, sending its control secret on {@code /__emulator/} requests. */
    public static LocalOrgHttp of(LocalOrg org) {
        return new LocalOrgHttp(org.baseUri(), org.controlSecret());
    }

    // A request builder for a path, with the control secret when this client has one and the path needs it.
    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (controlSecret != null && path.startsWith("/__emulator")) {
            b.header(LocalOrg.CONTROL_SECRET_HEADER, controlSecret);
        }
        return b;
    }

    /** The absolute URI of a path. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** Sends a request and reads the body as text. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request, letting an I/O failure (a dropped connection) through. */
    public HttpResponse<String> sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs an x-www-form-urlencoded body. */
    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        return send(formRequest(path, form).build());
    }

    /** A form POST request builder. */
    public HttpRequest.Builder formRequest(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** GET with a bearer token. */
    public HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build());
    }

    /** GET without a token. */
    public HttpResponse<String> get(String path) {
        return send(builder(path).build());
    }

    /** Sends JSON with a method (POST, PUT…) and no token. */
    public HttpResponse<String> json(String method, String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** DELETE without a token. */
    public HttpResponse<String> delete(String path) {
        return send(builder(path).DELETE().build());
    }

    /** Parses a JSON body. */
    public static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** A JWT bearer assertion: RS256 over the claims, signed with the PKCS#8 PEM key in a file. */
    public static String jwt(Path privateKeyPem, Map<String, Object> claims) {
        try {
            String pem = Files.readString(privateKeyPem);
            String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
            return jwt(key, claims);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWT bearer assertion signed with this key. */
    public static String jwt(PrivateKey key, Map<String, Object> claims) {
        try {
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String header = url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
            String payload = url.encodeToString(JSON.writeValueAsBytes(new LinkedHashMap<>(claims)));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + url.encodeToString(rsa.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
