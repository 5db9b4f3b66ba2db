package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.http.ApiServer;
import dev.kinetic.emulator.http.ApiSession;
import dev.kinetic.emulator.http.Json;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.schema.Schema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The Bulk routes with {@link FakeEngines} behind a real HTTP server on port 0, and a small raw-HTTP client for
 * tests. The token {@code test-token} is accepted.
 */
final class BulkServer implements AutoCloseable {
    static final String V = "/services/data/v62.0";

    final FakeEngines engines = new FakeEngines();
    final OrgContext context;
    private final Database database;
    private final BulkRoutes bulk;
    private final ApiServer server;
    private final LocalOrg org;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    // A whole local org with its real engines.
    private BulkServer(LocalOrg org) {
        this.org = org;
        this.context = org.context();
        this.token = org.accessToken();
        this.database = null;
        this.bulk = null;
        this.server = null;
    }

    /** Speaks to a whole local org (real DML and SOQL engines) with its admin token; closing stops the org. */
    static BulkServer of(LocalOrg org) {
        return new BulkServer(org);
    }

    BulkServer(LocalOrgConfig config, Path spool, boolean fileDatabase) throws Exception {
        org = null;
        token = "test-token";
        database = fileDatabase ? Database.inDirectory(config.dataDir().orElseThrow(), Schema.defaultOrg())
                : Database.inMemory(Schema.defaultOrg());
        context = new OrgContext(config, database, spool);
        bulk = new BulkRoutes(context, engines, engines);
        Routes routes = new Routes();
        bulk.register(routes);
        server = new ApiServer("127.0.0.1", 0, routes,
                t -> t.equals("test-token") ? Optional.of(new ApiSession("005Kc0000000001AAA", "00DKc0000000001AAA",
                        "admin@local.org")) : Optional.empty());
        server.start();
    }

    static BulkServer start(Path spool) throws Exception {
        return new BulkServer(LocalOrgConfig.builder().workerThreads(2).build(), spool, false);
    }

    HttpRequest.Builder request(String path) {
        int port = org != null ? org.port() : server.port();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    /** A control plane request builder: the admin token is no key there, the org's control secret is. */
    HttpRequest.Builder controlRequest(String path) {
        return request(path).header(LocalOrg.CONTROL_SECRET_HEADER, org.controlSecret());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(request(path).header("Content-Type", "application/json").method(method, body));
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    /** Creates an ingest job and returns its id. */
    String createIngest(String json) throws Exception {
        HttpResponse<String> r = send("POST", V + "/jobs/ingest", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("id").asText();
    }

    void upload(String id, String csv) throws Exception {
        HttpResponse<String> r = send(request(V + "/jobs/ingest/" + id + "/batches").header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(csv)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    void complete(String id) throws Exception {
        HttpResponse<String> r = send("PATCH", V + "/jobs/ingest/" + id, "{\"state\":\"UploadComplete\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Creates, uploads, closes and waits for an ingest job; returns its final info. */
    JsonNode ingest(String jobJson, String csv) throws Exception {
        String id = createIngest(jobJson);
        upload(id, csv);
        complete(id);
        return await("ingest", id, "JobComplete", "Failed", "Aborted");
    }

    /** Polls a job until it reaches one of the states, within 20 seconds. */
    JsonNode await(String kind, String id, String... states) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Set<String> wanted = Set.of(states);
        JsonNode info;
        do {
            info = json(send("GET", V + "/jobs/" + kind + "/" + id, null));
            if (wanted.contains(info.get("state").asText())) {
                return info;
            }
            Thread.onSpinWait();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("job " + id + " did not reach " + wanted + ": " + info);
    }

    String text(String path) throws Exception {
        HttpResponse<String> r = send(request(path).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Asks a job to stop as the org's shutdown does (not an abort). */
    void requestStop(String jobId) {
        bulk.store().find(jobId).orElseThrow().requestStop();
    }

    @Override
    public void close() throws Exception {
        if (org != null) {
            org.close();
            return;
        }
        server.close();
        bulk.close();
        database.close();
    }
}
