package dev.kinetic.compat.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinetic.emulator.LocalOrg;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What a test checks Camel's work against: the org's records read over raw HTTP (REST query with the admin's access
 * token, every page), and records seeded through the control plane. Nothing here goes through Camel.
 */
final class OrgRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalOrg org;
    private final HttpClient http = HttpClient.newHttpClient();

    OrgRecords(LocalOrg org) {
        this.org = org;
    }

    /**
     * Runs a SOQL query and returns every record as field name to text value (null stays null), attributes left out.
     *
     * @throws IllegalStateException if the org answers other than 200
     */
    List<Map<String, String>> query(String soql) {
        List<Map<String, String>> rows = new ArrayList<>();
        String path = "/services/data/v62.0/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
        while (path != null) {
            JsonNode page = send(HttpRequest.newBuilder(URI.create(org.baseUri() + path))
                    .header("Authorization", "Bearer " + org.accessToken()).GET().build());
            for (JsonNode record : page.path("records")) {
                Map<String, String> row = new LinkedHashMap<>();
                record.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("attributes")) {
                        row.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText());
                    }
                });
                rows.add(row);
            }
            path = page.path("done").asBoolean(true) ? null : page.path("nextRecordsUrl").asText();
        }
        return rows;
    }

    /** The status the org answers to a GET of {@code path} with the admin's access token. */
    int status(String path) {
        return status(path, org.accessToken());
    }

    /** The status the org answers to a GET of {@code path} with {@code accessToken}. */
    int status(String path, String accessToken) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(org.baseUri() + path))
                    .header("Authorization", "Bearer " + accessToken).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Inserts records through the control plane and returns their ids in input order. */
    List<String> seed(String object, List<Map<String, Object>> records) {
        List<String> ids = new ArrayList<>();
        control("POST", "/__emulator/records/" + object, records).path("ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** Inserts {@code count} accounts: Name {@code "<prefix> <i>"}, External_Key__c {@code "<key>-<i>"}. */
    void seedAccounts(String prefix, String key, int count) {
        seed("Account", IntStream.range(0, count)
                .<Map<String, Object>>mapToObj(i -> Map.of("Name", prefix + " " + i, "External_Key__c", key + "-" + i))
                .toList());
    }

    /** Sets when ready jobs start processing, e.g. {@code {"mode":"afterPolls","polls":1000}}. */
    void progression(Map<String, Object> rule) {
        control("PUT", "/__emulator/progression", rule);
    }

    /** Expires every access token the org has issued, as if their lifetime had passed. */
    void expireTokens() {
        control("POST", "/__emulator/tokens/expire", Map.of());
    }

    private JsonNode control(String method, String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(org.baseUri() + path))
                    .header("Content-Type", "application/json")
                    .header(LocalOrg.CONTROL_SECRET_HEADER, org.controlSecret())
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 204) {
                return JSON.createObjectNode();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
