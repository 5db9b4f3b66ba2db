package dev.kinetic.emulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.http.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Measures the local org over HTTP: ingests N generated Account rows (jobs of at most {@code --job-rows} rows, about
 * 100 bytes each, uploaded in parallel), waits for them, then exports them all with a query job page by page, and
 * prints rows/s for each phase and the server's peak heap. By default the org runs in its own JVM with
 * {@code -Xmx512m} so its heap is measured alone; {@code --in-process} runs it here, {@code --url} and
 * {@code --token} use a running server (peak heap unknown then).
 */
public final class EmulatorBenchmark {
    private static final String V = "/services/data/v62.0";
    private static final String USAGE = "usage: EmulatorBenchmark [--rows N] [--job-rows N] [--page-size N] "
            + "[--server-heap 512m] [--warmup N] "
            + "[--in-process | --url URL --token TOKEN [--query-only] | --store-ceiling]";
    /** Rows ingested and exported before the timed run, so that both measure a server past its JIT warm-up. */
    private static final long DEFAULT_WARMUP = 200_000;
    /** The difference of the two store ceilings, as a share of their mean, above which the ratio is called uncertain. */
    private static final double DRIFT_WARNING = 0.05;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String base;
    private String token;
    private String controlSecret = "";
    private LongSupplier serverCpu = () -> -1;
    private LongSupplier serverGc = () -> -1;
    private LongSupplier serverJit = () -> -1;
    private boolean queryOnly;
    private long warmup;
    private boolean quiet;
    private double ingestRate = -1;
    private double ceilingRate = -1;
    private double queryRate = -1;

    private EmulatorBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        long jobRows = 500_000;
        EmulatorBenchmark bench = new EmulatorBenchmark();
        long pageSize = 100_000;
        String heap = "512m";
        String url = null;
        String token = System.getenv("SF_ACCESS_TOKEN");
        boolean inProcess = false;
        boolean storeCeiling = false;
        Long warmup = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = count(args, ++i, 1);
                case "--job-rows" -> jobRows = count(args, ++i, 1);
                case "--page-size" -> pageSize = count(args, ++i, 1);
                case "--server-heap" -> heap = args[++i];
                case "--url" -> url = args[++i];
                case "--token" -> token = args[++i];
                case "--in-process" -> inProcess = true;
                case "--query-only" -> bench.queryOnly = true;
                case "--store-ceiling" -> storeCeiling = true;
                case "--warmup" -> warmup = count(args, ++i, 0);
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        if (jobRows * AccountCsv.rowBytes() > 100L * 1024 * 1024) {
            System.err.println("--job-rows " + jobRows + " makes jobs larger than 100 MB; use at most "
                    + (100L * 1024 * 1024 / AccountCsv.rowBytes()));
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "kinetic local org benchmark: %,d Account rows, %d cores%n", rows,
                Runtime.getRuntime().availableProcessors());
        if (storeCeiling) {
            System.exit(StoreCeiling.forked(heap, rows, warmup == null ? DEFAULT_WARMUP : warmup, "alone") > 0 ? 0
                    : 1);
        }
        if (url != null) {
            if (token == null) {
                System.err.println("--url needs --token (or SF_ACCESS_TOKEN)");
                System.exit(2);
            }
            if (warmup != null && warmup > 0) {
                // The warm-up ends with a reset, which would delete the records of an org someone else runs.
                System.err.println("--warmup needs an org the benchmark starts itself; leave out --url");
                System.exit(2);
            }
            bench.base = url.replaceAll("/$", "");
            bench.token = token;
            bench.run(rows, jobRows, pageSize);
            System.out.println("server peak heap: unknown (the server runs elsewhere)");
        } else if (inProcess) {
            bench.warmup = warmup == null ? DEFAULT_WARMUP : warmup;
            try (LocalOrg org = LocalOrg.start(LocalOrgConfig.defaults())) {
                bench.base = org.baseUri().toString();
                bench.token = org.accessToken();
                bench.controlSecret = org.controlSecret();
                bench.serverCpu = BenchServer::processCpuNanos;
                bench.serverGc = BenchServer::gcMillis;
                bench.serverJit = BenchServer::jitMillis;
                bench.run(rows, jobRows, pageSize);
                System.out.printf(Locale.ROOT, "peak heap of this JVM (client and server): %,d MB%n",
                        BenchServer.peakHeap() / (1024 * 1024));
            }
        } else {
            bench.warmup = warmup == null ? DEFAULT_WARMUP : warmup;
            bench.forked(heap, rows, jobRows, pageSize);
        }
    }

    // The forked org keeps its records in a fresh data directory (file-backed H2), as `kinetic serve --data` does:
    // an in-memory org holds every record on the heap, which 1,000,000 Accounts do not fit in 512 MB.
    private void forked(String heap, long rows, long jobRows, long pageSize) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path data = Files.createTempDirectory("kinetic-bench-");
        // The parallel collector, as the local org's README recommends for bulk loads (G1 costs about 15 % more).
        long peakMb;
        double before = queryOnly ? -1 : StoreCeiling.forked(heap, rows, warmup, "before the org");
        Process server = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), BenchServer.class.getName(), "--data", data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter in = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String port = value(out, "PORT");
            token = value(out, "TOKEN");
            controlSecret = value(out, "CONTROL");
            base = "http://127.0.0.1:" + port;
            serverCpu = () -> ask(in, out, "cpu", "CPU");
            serverGc = () -> ask(in, out, "gc", "GC");
            serverJit = () -> ask(in, out, "jit", "JIT");
            System.out.println("server: separate JVM with -Xmx" + heap + " -XX:+UseParallelGC, records in a"
                    + " file-backed database");
            run(rows, jobRows, pageSize);
            in.println("heap");
            String[] peaks = value(out, "HEAP").split(" ");
            peakMb = Long.parseLong(peaks[0]) / (1024 * 1024);
            System.out.printf(Locale.ROOT, "server peak heap: %,d MB in use, %,d MB live after GC (cap -Xmx%s)%n",
                    peakMb, Long.parseLong(peaks[1]) / (1024 * 1024), heap);
            in.println("quit");
        } finally {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroy();
            }
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (!queryOnly) {
            // Measured once the server has stopped, so the two never share the cores; and before it started too, so
            // that a change of the machine's speed during the run (a virtual machine's host, say) shows and is
            // averaged out rather than read as a difference between the org and its store.
            double after = StoreCeiling.forked(heap, rows, warmup, "after the org");
            if (before <= 0 || after <= 0) {
                // No ratio and no verdict on it: a single ceiling is what the two measurements are there to avoid.
                System.out.println("ingest / store ceiling: unknown (the store ceiling's run "
                        + (before <= 0 ? "before" : "after") + " the org failed; its output is above)");
            } else {
                ceilingRate = (before + after) / 2;
                System.out.printf(Locale.ROOT, "ingest / store ceiling: %,.0f / %,.0f rows/s = %.2f (the ceiling the"
                        + " mean of %,.0f before the org and %,.0f after it)%n", ingestRate, ceilingRate,
                        ingestRate / ceilingRate, before, after);
                double drift = Math.abs(before - after) / ceilingRate;
                if (drift > DRIFT_WARNING) {
                    System.out.printf(Locale.ROOT, "warning: the two store ceilings differ by %.0f %%: the machine's"
                            + " speed changed during the run, so the ratio is uncertain by about as much%n",
                            drift * 100);
                }
            }
        }
        System.out.println(verdicts(peakMb));
    }

    // A whole number of at least `min` after an option; otherwise the usage line and exit status 2.
    private static long count(String[] args, int i, long min) {
        try {
            long n = Long.parseLong(args[i]);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // Falls through to the message below.
        }
        System.err.println(args[i - 1] + " needs a whole number of at least " + min + ", got "
                + (i < args.length ? args[i] : "nothing") + "; " + USAGE);
        System.exit(2);
        return 0;
    }

    private static String value(BufferedReader out, String key) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(key + " ")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new IOException("The benchmark server ended before printing " + key);
    }

    private void run(long rows, long jobRows, long pageSize) throws Exception {
        if (warmup > 0 && !queryOnly) {
            // As many jobs as the timed run, so the warm-up runs the same code paths (two jobs' batches sharing their
            // object's write lane, not one job's alone). Repeated until the JIT compilers are nearly done with it:
            // methods made hot while the compile queue is long wait for their optimizing compile, which a later round
            // (begun with an empty queue) triggers, and which would otherwise take a core from the timed run.
            long warm = Math.min(warmup, rows);
            long jobs = (rows + jobRows - 1) / jobRows;
            quiet = true;
            BenchServer.WarmUp rounds = BenchServer.warmUp(() -> {
                ingest(warm, Math.max(1, (warm + jobs - 1) / jobs));
                export(pageSize);
            }, () -> expect(http.send(request("/__emulator/reset").header(LocalOrg.CONTROL_SECRET_HEADER,
                    controlSecret).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()), 204), serverJit);
            quiet = false;
            System.out.printf(Locale.ROOT, "warm-up: %s of %,d rows ingested and exported (JIT compiling %s of each"
                    + " round's time), each followed by an org reset and a wait for idle JIT compilers (%.1f s in all)"
                    + " (not timed)%n", rounds.count(), warm, rounds.shares(), rounds.settledSeconds());
        }
        if (!queryOnly) {
            ingest(rows, jobRows);
        }
        export(pageSize);
    }

    private void ingest(long rows, long jobRows) throws Exception {
        long cpu0 = serverCpu.getAsLong();
        long gc0 = serverGc.getAsLong();
        long jit0 = serverJit.getAsLong();
        long start = System.nanoTime();
        List<String> jobs = new ArrayList<>();
        List<Thread> uploads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (long first = 0; first < rows; first += jobRows) {
            String id = json(send("POST", V + "/jobs/ingest", HttpRequest.BodyPublishers.ofString(
                    "{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"LF\"}"))).get("id").asText();
            jobs.add(id);
            long from = first;
            long to = Math.min(rows, first + jobRows);
            Thread t = new Thread(() -> {
                try {
                    upload(V + "/jobs/ingest/" + id + "/batches", new AccountCsv(from, to));
                    expect(send("PATCH", V + "/jobs/ingest/" + id,
                            HttpRequest.BodyPublishers.ofString("{\"state\":\"UploadComplete\"}")), 200);
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            t.start();
            uploads.add(t);
        }
        for (Thread t : uploads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        long uploaded = System.nanoTime();
        long processed = 0;
        long failed = 0;
        for (String id : jobs) {
            JsonNode job = await("ingest", id);
            processed += job.get("numberRecordsProcessed").asLong();
            failed += job.get("numberRecordsFailed").asLong();
        }
        long ingested = System.nanoTime();
        long cpu1 = serverCpu.getAsLong();
        long gc1 = serverGc.getAsLong();
        long jit1 = serverJit.getAsLong();
        if (!quiet) {
            ingestRate = processed / ((ingested - start) / 1e9);
        }
        report("ingest", processed, ingested - start, cpu1 - cpu0, String.format(Locale.ROOT,
                "%d jobs, %,d failed, upload %.2f s%s", jobs.size(), failed, (uploaded - start) / 1e9,
                gcPauses(gc0, gc1) + jitTime(jit0, jit1)));
    }

    private void export(long pageSize) throws Exception {
        long cpu1 = serverCpu.getAsLong();
        long gc1 = serverGc.getAsLong();
        long jit1 = serverJit.getAsLong();
        long queryStart = System.nanoTime();
        String query = json(send("POST", V + "/jobs/query", HttpRequest.BodyPublishers.ofString(
                "{\"operation\":\"query\",\"query\":\"SELECT Id, Name, External_Key__c, Industry, AnnualRevenue, "
                        + "NumberOfEmployees, BillingCity, Phone FROM Account\"}"))).get("id").asText();
        await("query", query);
        long ready = System.nanoTime();
        long exported = 0;
        int pages = 0;
        String locator = null;
        do {
            String path = V + "/jobs/query/" + query + "/results?maxRecords=" + pageSize
                    + (locator == null ? "" : "&locator=" + locator);
            HttpURLConnection page = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            page.setRequestProperty("Authorization", "Bearer " + token);
            expect(page.getResponseCode(), 200, path);
            exported += countLines(page.getInputStream()) - 1;
            locator = Objects.requireNonNullElse(page.getHeaderField("Sforce-Locator"), "null");
            pages++;
        } while (!locator.equals("null"));
        long done = System.nanoTime();
        long cpu2 = serverCpu.getAsLong();
        long gc2 = serverGc.getAsLong();
        long jit2 = serverJit.getAsLong();
        if (!quiet) {
            queryRate = exported / ((done - queryStart) / 1e9);
        }
        report("query ", exported, done - queryStart, cpu2 - cpu1, String.format(Locale.ROOT,
                "%d pages, query ran %.2f s%s", pages, (ready - queryStart) / 1e9, gcPauses(gc1, gc2)
                        + jitTime(jit1, jit2)));
    }

    // The targets on two cores, each with the measured figure and whether it was reached.
    private String verdicts(long peakHeapMb) {
        StringBuilder out = new StringBuilder("targets (set for 1,000,000 rows on 2 cores):");
        if (ingestRate >= 0 && ceilingRate > 0) {
            out.append(verdict(" ingest >= 0.9 x store ceiling", ingestRate >= 0.9 * ceilingRate,
                    String.format(Locale.ROOT, "%.2f", ingestRate / ceilingRate)));
        } else if (ingestRate >= 0 && !queryOnly) {
            out.append(" ingest >= 0.9 x store ceiling UNKNOWN (no store ceiling);");
        }
        if (queryRate >= 0) {
            out.append(verdict(" query >= 300,000 rows/s", queryRate >= 300_000, String.format(Locale.ROOT, "%,.0f",
                    queryRate)));
        }
        return out.append(verdict(" heap <= 512 MB", peakHeapMb <= 512, peakHeapMb + " MB")).toString();
    }

    private static String verdict(String target, boolean met, String measured) {
        return target + (met ? " met (" : " MISSED (") + measured + ")" + (target.startsWith(" heap") ? "" : ";");
    }

    // The server's collection time between two readings, or nothing when it is unknown (an org run elsewhere).
    static String gcPauses(long beforeMillis, long afterMillis) {
        return beforeMillis < 0 || afterMillis < 0 ? "" : String.format(Locale.ROOT, ", GC pauses %.2f s",
                (afterMillis - beforeMillis) / 1e3);
    }

    // ", JIT compiling S s": the compilers' time (summed over their threads) between two readings, or "" when unknown.
    static String jitTime(long beforeMillis, long afterMillis) {
        return beforeMillis < 0 || afterMillis < 0 ? "" : String.format(Locale.ROOT, ", JIT compiling %.2f s",
                (afterMillis - beforeMillis) / 1e3);
    }

    // Asks the forked server for one figure: sends the command, reads the line that answers it.
    private static long ask(PrintWriter in, BufferedReader out, String command, String answer) {
        in.println(command);
        try {
            return Long.parseLong(value(out, answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Wall-clock rate, plus the rate per CPU-second the server used (meaningful on a machine shared with others).
    private void report(String phase, long rows, long nanos, long cpuNanos, String detail) {
        if (quiet) {
            return;
        }
        double seconds = nanos / 1e9;
        String cpu = cpuNanos < 0 ? "" : String.format(Locale.ROOT, "; server CPU %.2f s = %,.0f rows per CPU-second",
                cpuNanos / 1e9, rows / (cpuNanos / 1e9));
        System.out.printf(Locale.ROOT, "%s: %,d rows in %.2f s -> %,.0f rows/s (%s%s)%n", phase, rows, seconds,
                rows / seconds, detail, cpu);
    }

    private JsonNode await(String kind, String id) throws Exception {
        while (true) {
            JsonNode job = json(send("GET", V + "/jobs/" + kind + "/" + id, HttpRequest.BodyPublishers.noBody()));
            String state = job.get("state").asText();
            if (state.equals("JobComplete")) {
                return job;
            }
            if (state.equals("Failed") || state.equals("Aborted")) {
                throw new IllegalStateException(kind + " job " + id + " ended " + state + ": " + job);
            }
            Thread.sleep(100);
        }
    }

    // Pages are read with HttpURLConnection, which streams a large body faster than java.net.http's subscribers.
    private static long countLines(InputStream body) throws IOException {
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = body) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body) throws Exception {
        String type = method.equals("PUT") ? "text/csv" : "application/json";
        return http.send(request(path).header("Content-Type", type).method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // Uploads are streamed with HttpURLConnection in chunks of 1 MB, which moves a large body faster than
    // java.net.http's publishers (as the result pages are read).
    private void upload(String path, InputStream csv) throws IOException {
        HttpURLConnection put = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setChunkedStreamingMode(1 << 20);
        put.setRequestProperty("Authorization", "Bearer " + token);
        put.setRequestProperty("Content-Type", "text/csv");
        try (InputStream in = csv; OutputStream out = put.getOutputStream()) {
            in.transferTo(out);
        }
        expect(put.getResponseCode(), 201, path);
    }

    private static void expect(HttpResponse<String> r, int status) {
        expect(r.statusCode(), status, r.body());
    }

    private static void expect(int actual, int status, String detail) {
        if (actual != status) {
            throw new IllegalStateException("expected HTTP " + status + " but got " + actual + ": " + detail);
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }
}
