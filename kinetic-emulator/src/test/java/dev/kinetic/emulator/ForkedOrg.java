package dev.kinetic.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A local org in a process of its own ({@code java -cp <this test's class path> dev.kinetic.emulator.Main --port 0
 * --data DIR}), to be killed: {@link #kill()} sends SIGKILL, {@link #stop()} SIGTERM. It reads the URL the org
 * announces on standard output and logs in with the client credentials flow from {@code DIR/local-org.env}; a small
 * raw-HTTP client speaks to it.
 */
final class ForkedOrg implements AutoCloseable {
    static final String V = "/services/data/v62.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTENING = "Local org listening on ";
    // Bounds on waits for real signals, wide enough for a machine loaded by parallel builds (a start took 33 s at a
    // load average of 20): reaching one is a failure, not a pace.
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration ANSWER = Duration.ofSeconds(180);

    private final Process process;
    private final Thread reader;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final Path data;

    private ForkedOrg(Path data) throws IOException, InterruptedException {
        this.data = data;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(java.toString(), "-Xmx512m", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--port", "0", "--data",
                data.toString())
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        reader = new Thread(() -> pump(process.getInputStream(), lines), "forked-org-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + START.toNanos();
        String line;
        do {
            line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                process.destroyForcibly();
                throw new IllegalStateException("The forked org did not announce its URL within " + START + ": " + output);
            }
        } while (!line.startsWith(LISTENING));
        base = URI.create(line.substring(LISTENING.length()).trim());
    }

    /** Starts an org on this data directory and waits until it listens. */
    static ForkedOrg start(Path data) throws IOException, InterruptedException {
        return new ForkedOrg(data);
    }

    private void pump(InputStream in, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                lines.add(line);
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    /** What the process printed (standard output and error). */
    List<String> output() {
        return List.copyOf(output);
    }

    /** SIGKILL, and waits for the process to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The forked org did not die within 60 s of SIGKILL");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** SIGTERM; returns the exit status once the process has stopped. */
    int stop() throws InterruptedException {
        // Through the handle: Process.destroy() sends the same SIGTERM but also closes our end of the output pipe,
        // which would lose what the org prints while it stops.
        process.toHandle().destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The forked org did not stop within 90 s of SIGTERM: " + output);
        }
        reader.join(TimeUnit.SECONDS.toMillis(10)); // the last lines it printed
        return process.exitValue();
    }

    /** A new access token from the client credentials flow (secret read from {@code local-org.env}). */
    String login() throws IOException, InterruptedException {
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(data.resolve(LocalOrg.ENV_FILE))) {
            env.load(in);
        }
        String form = "grant_type=client_credentials&client_id=" + enc(env.getProperty("SF_CLIENT_ID"))
                + "&client_secret=" + enc(env.getProperty("SF_CLIENT_SECRET"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        expect(r, 200);
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Sends a request with a bearer token and a body (null for none). */
    HttpResponse<String> call(String token, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(ANSWER);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(b);
    }

    /** Uploads a job's data from a stream (which may kill this org part way). */
    HttpResponse<String> upload(String token, String jobId, Supplier<InputStream> csv)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(V + "/jobs/ingest/" + jobId + "/batches"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(csv)));
    }

    /** A JSON call that must answer {@code status}. */
    JsonNode json(String token, String method, String path, String body, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> r = call(token, method, path, "application/json", body);
        expect(r, status);
        return JSON.readTree(r.body());
    }

    /** A GET whose text body must answer 200. */
    String text(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = call(token, "GET", path, null, null);
        expect(r, 200);
        return r.body();
    }

    /** Polls a job (a real signal) until it reaches one of the states, within the deadline. */
    JsonNode await(String token, String kind, String jobId, Duration within, String... states)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode info;
        do {
            info = json(token, "GET", V + "/jobs/" + kind + "/" + jobId, null, 200);
            if (List.of(states).contains(info.get("state").asText())) {
                return info;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job " + jobId + " did not reach " + List.of(states) + " within " + within + ": "
                + info);
    }

    /** Paces a poll of a real signal (a job's status), so that polling does not take the org's CPU. */
    static void pause() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + r.statusCode() + " for "
                    + r.request().method() + " " + r.uri() + ": " + r.body());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
