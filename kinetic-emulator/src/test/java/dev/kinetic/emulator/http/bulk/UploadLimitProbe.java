package dev.kinetic.emulator.http.bulk;

import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Run by {@link UploadLimitTest} in a JVM with a small heap: streams an upload just over the 150 MB limit (refused
 * with 413 and nothing kept) and one of 140 MB (accepted and stored whole), both generated on the fly and sent
 * without a Content-Length. Prints {@code PASS} lines and exits 0, or prints the problem and exits 1.
 */
public final class UploadLimitProbe {
    private static final long MB = 1024 * 1024;

    private UploadLimitProbe() {
    }

    /** Runs the probe. */
    public static void main(String[] args) throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.defaults())) {
            HttpClient http = HttpClient.newHttpClient();
            String token = org.accessToken();
            String base = org.baseUri() + "/services/data/v62.0/jobs/ingest";
            String tooBig = create(http, base, token);
            HttpResponse<String> refused = put(http, base, token, tooBig, LocalOrgConfig.DEFAULT_MAX_UPLOAD_BYTES + MB);
            check(refused.statusCode() == 413, "over-limit upload answered " + refused.statusCode());
            check(refused.body().contains("EXCEEDED_MAX_SIZE_REQUEST") && refused.body().contains("157286400 bytes"),
                    "over-limit body: " + refused.body());
            Path spool = org.context().spoolDir().resolve(tooBig);
            try (Stream<Path> files = Files.list(spool)) {
                check(files.findAny().isEmpty(), "files kept after a refused upload in " + spool);
            }
            System.out.println("PASS refused " + (LocalOrgConfig.DEFAULT_MAX_UPLOAD_BYTES + MB) + " bytes with 413");

            String fits = create(http, base, token);
            HttpResponse<String> accepted = put(http, base, token, fits, 140 * MB);
            check(accepted.statusCode() == 201, "140 MB upload answered " + accepted.statusCode() + " "
                    + accepted.body());
            long stored = Files.size(org.context().spoolDir().resolve(fits).resolve("upload.csv"));
            check(stored == 140 * MB, "stored " + stored + " bytes instead of " + 140 * MB);
            long maxHeap = Runtime.getRuntime().maxMemory();
            System.out.println("PASS accepted " + stored + " bytes with a max heap of " + maxHeap / MB + " MB");
        } catch (AssertionError e) {
            System.out.println("FAIL " + e.getMessage());
            System.exit(1);
        }
    }

    private static String create(HttpClient http, String base, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"Account\",\"operation\":\"insert\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        check(r.statusCode() == 200, "create answered " + r.statusCode());
        String body = r.body();
        int at = body.indexOf("\"id\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
    }

    private static HttpResponse<String> put(HttpClient http, String base, String token, String id, long bytes)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/batches"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedCsv(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new AssertionError(problem);
        }
    }

    // Exactly `size` bytes of CSV: a header, then the same 32-byte row over and over.
    private static final class GeneratedCsv extends InputStream {
        private static final byte[] ROW = "Bounded heap upload row 0000001\n".getBytes(StandardCharsets.US_ASCII);
        private final byte[] header = "Name\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long sent;

        GeneratedCsv(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (sent >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - sent);
            for (int i = 0; i < n; i++) {
                long p = sent + i;
                b[off + i] = p < header.length ? header[(int) p] : ROW[(int) ((p - header.length) % ROW.length)];
            }
            sent += n;
            return n;
        }
    }
}
