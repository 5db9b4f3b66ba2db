package dev.kinetic.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a local org running in its own process (SIGKILL and SIGTERM) at random points of a 200,000-row ingest,
 * restarts it on the same data directory, and checks what it had answered: the job completes, the org's records are
 * exactly the job's successfulResults, no row is both saved and unprocessed, and every input row is accounted for
 * once. The kill points come from a seed printed at the start; {@code -Dcrash.seed=N} repeats a run.
 */
class CrashRecoveryTest {
    private static final int ROWS = 200_000;
    private static final Duration FINISH = Duration.ofMinutes(6); // a bound for a loaded machine, not a pace
    private static long seed;

    @TempDir
    Path root;

    @BeforeAll
    static void chooseSeed() {
        seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryTest seed " + seed + " (repeat with -Dcrash.seed=" + seed + ")");
    }

    @Test
    void rowsAnsweredBeforeASigkillAreExactlyTheOrgsRecordsAfterTheRestart() throws Exception {
        Random random = new Random(seed);
        for (int round = 1; round <= 3; round++) {
            ingestAndStop(round, random.nextInt(ROWS), true);
        }
    }

    @Test
    void aSigtermStopsCleanlyAndTheIngestResumesAtTheNextStart() throws Exception {
        Random random = new Random(seed + 1);
        for (int round = 1; round <= 2; round++) {
            ingestAndStop(round, random.nextInt(ROWS), false);
        }
    }

    @Test
    void anUploadKilledHalfWayLeavesAnOpenJobThatTakesItsUploadAgain() throws Exception {
        int rows = 50_000;
        String data = csv("U", 0, rows);
        int cut = 100_000 + new Random(seed + 2).nextInt(data.length() - 200_000);
        Path dir = root.resolve("upload");
        String token;
        String job;
        try (ForkedOrg org = ForkedOrg.start(dir)) {
            token = org.login();
            job = createJob(org, token);
            System.out.println("upload killed after " + cut + " of " + data.length() + " bytes");
            try {
                org.upload(token, job, () -> new SequenceInputStream(new ByteArrayInputStream(data.substring(0, cut)
                        .getBytes(StandardCharsets.UTF_8)), killing(org)));
            } catch (IOException expected) {
                // The org died under the upload.
            }
        }
        try (ForkedOrg org = ForkedOrg.start(dir)) {
            assertThat(org.json(token, "GET", ForkedOrg.V + "/jobs/ingest/" + job, null, 200).get("state").asText())
                    .isEqualTo("Open");
            assertThat(dir.resolve("spool").resolve(job).resolve("upload.csv.part")).doesNotExist();
            assertThat(org.upload(token, job, () -> stream(data)).statusCode()).isEqualTo(201);
            org.json(token, "PATCH", ForkedOrg.V + "/jobs/ingest/" + job, "{\"state\":\"UploadComplete\"}", 200);
            checkCompletes(org, token, job, rows);
        }
    }

    @Test
    void aTokenAndAnUploadCompleteAnsweredRightBeforeASigkillSurviveIt() throws Exception {
        Path data = root.resolve("answers");
        String token;
        try (ForkedOrg org = ForkedOrg.start(data)) {
            token = org.login();
            org.kill();
        }
        String job;
        try (ForkedOrg org = ForkedOrg.start(data)) {
            assertThat(org.call(token, "GET", ForkedOrg.V + "/limits", null, null).statusCode())
                    .as("a token issued right before the kill").isEqualTo(200);
            job = createJob(org, token);
            assertThat(org.upload(token, job, () -> stream(csv("A", 0, 100))).statusCode()).isEqualTo(201);
            org.json(token, "PATCH", ForkedOrg.V + "/jobs/ingest/" + job, "{\"state\":\"UploadComplete\"}", 200);
            org.kill();
        }
        try (ForkedOrg org = ForkedOrg.start(data)) {
            String state = org.json(token, "GET", ForkedOrg.V + "/jobs/ingest/" + job, null, 200).get("state")
                    .asText();
            assertThat(state).as("a job whose UploadComplete was answered").isIn("UploadComplete", "InProgress",
                    "JobComplete");
            checkCompletes(org, token, job, 100);
        }
    }

    // One round: ingest, stop the org once `killAt` rows are processed, restart it, and check the job.
    private void ingestAndStop(int round, int killAt, boolean sigkill) throws Exception {
        String how = sigkill ? "SIGKILL" : "SIGTERM";
        System.out.println(how + " round " + round + ": stop once " + killAt + " rows are processed");
        Path data = root.resolve(how + "-" + round);
        String token;
        String job;
        try (ForkedOrg org = ForkedOrg.start(data)) {
            token = org.login();
            job = createJob(org, token);
            String rows = csv("R" + round, 0, ROWS);
            assertThat(org.upload(token, job, () -> stream(rows)).statusCode()).isEqualTo(201);
            org.json(token, "PATCH", ForkedOrg.V + "/jobs/ingest/" + job, "{\"state\":\"UploadComplete\"}", 200);
            long deadline = System.nanoTime() + FINISH.toNanos();
            JsonNode info;
            do {
                info = org.json(token, "GET", ForkedOrg.V + "/jobs/ingest/" + job, null, 200);
                ForkedOrg.pause();
            } while (info.get("numberRecordsProcessed").asLong() < killAt
                    && !info.get("state").asText().equals("JobComplete") && System.nanoTime() < deadline);
            System.out.println(how + " round " + round + ": stopping at " + info.get("state").asText() + " with "
                    + info.get("numberRecordsProcessed").asLong() + " rows processed");
            if (sigkill) {
                org.kill();
            } else {
                int status = org.stop();
                List<String> output = org.output();
                assertThat(output).as("a clean stop (exit status %d)", status).contains("Local org stopped.")
                        .noneMatch(line -> line.contains("Exception") || line.contains("already closed"));
            }
        }
        try (ForkedOrg org = ForkedOrg.start(data)) {
            checkCompletes(org, token, job, ROWS);
        }
    }

    // The job completes; its results account for every row once; the org holds exactly its successful records.
    private static void checkCompletes(ForkedOrg org, String token, String job, int rows) throws Exception {
        JsonNode info = org.await(token, "ingest", job, FINISH, "JobComplete", "Failed", "Aborted");
        assertThat(info.get("state").asText()).as(info.toString()).isEqualTo("JobComplete");
        String path = ForkedOrg.V + "/jobs/ingest/" + job;
        List<String[]> saved = rowsOf(org.text(token, path + "/successfulResults"));
        List<String[]> failed = rowsOf(org.text(token, path + "/failedResults"));
        List<String[]> unprocessed = rowsOf(org.text(token, path + "/unprocessedrecords"));
        assertThat(saved.size() + failed.size() + unprocessed.size()).isEqualTo(rows);
        assertThat(info.get("numberRecordsProcessed").asLong()).isEqualTo(saved.size() + failed.size());
        assertThat(info.get("numberRecordsFailed").asLong()).isEqualTo(failed.size());
        Set<String> savedNames = new HashSet<>();
        Set<String> savedIds = new HashSet<>();
        for (String[] r : saved) {
            assertThat(savedIds.add(r[0])).as("id %s listed twice", r[0]).isTrue();
            assertThat(savedNames.add(r[2])).as("row %s saved twice", r[2]).isTrue();
        }
        for (String[] r : unprocessed) {
            assertThat(savedNames).as("a row both saved and unprocessed").doesNotContain(r[0]);
        }
        assertThat(orgAccountIds(org, token)).as("the org's records are exactly the successful rows")
                .isEqualTo(savedIds);
    }

    // Every Account id, through a Bulk query job.
    private static Set<String> orgAccountIds(ForkedOrg org, String token) throws Exception {
        String query = org.json(token, "POST", ForkedOrg.V + "/jobs/query",
                "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Account\"}", 200).get("id").asText();
        org.await(token, "query", query, FINISH, "JobComplete");
        Set<String> ids = new HashSet<>();
        String locator = null;
        do {
            var page = org.call(token, "GET", ForkedOrg.V + "/jobs/query/" + query + "/results?maxRecords=100000"
                    + (locator == null ? "" : "&locator=" + locator), null, null);
            assertThat(page.statusCode()).isEqualTo(200);
            for (String[] r : rowsOf(page.body())) {
                ids.add(r[0]);
            }
            locator = page.headers().firstValue("Sforce-Locator").orElse("null");
        } while (!locator.equals("null"));
        return ids;
    }

    // Data rows of a result CSV (header skipped), cells unquoted; the test's values hold no commas or quotes.
    private static List<String[]> rowsOf(String csv) {
        return csv.lines().skip(1).filter(l -> !l.isEmpty()).map(l -> l.replace("\"", "").split(",", -1)).toList();
    }

    private static String createJob(ForkedOrg org, String token) throws Exception {
        return org.json(token, "POST", ForkedOrg.V + "/jobs/ingest",
                "{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"LF\"}", 200).get("id").asText();
    }

    private static String csv(String prefix, int from, int to) {
        StringBuilder b = new StringBuilder("Name,Phone\n");
        for (int i = from; i < to; i++) {
            b.append(prefix).append('-').append(i).append(',').append(i).append('\n');
        }
        return b.toString();
    }

    private static InputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    // A stream that kills the org when the upload reaches it (after the bytes before it were sent).
    private static InputStream killing(ForkedOrg org) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    org.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("the org was killed during the upload");
            }
        };
    }
}
