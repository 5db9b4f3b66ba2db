package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrgConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs, their state, counters and files survive a restart of an org with a data directory, and a job that was
 * processing resumes without applying its committed batches again.
 */
class JobPersistenceTest {
    @TempDir
    Path data;

    private BulkServer start() throws Exception {
        return new BulkServer(LocalOrgConfig.builder().dataDir(data).workerThreads(2).build(), data.resolve("spool"),
                true);
    }

    @Test
    void keepsJobsAndResultsAndResumesJobsThatWereInterrupted() throws Exception {
        String open;
        String complete;
        String query;
        String interrupted;
        StringBuilder big = new StringBuilder("Name\n");
        for (int i = 0; i < 50_000; i++) {
            big.append("Row ").append(i).append('\n');
        }
        BulkServer first = start();
        try {
            open = first.createIngest("{\"object\":\"Account\",\"operation\":\"insert\",\"columnDelimiter\":\"PIPE\"}");
            first.upload(open, "Name|Phone\nKept|1\n");
            complete = first.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\nA\nFAIL\n")
                    .get("id").asText();
            query = first.json(first.send("POST", BulkServer.V + "/jobs/query",
                    "{\"operation\":\"query\",\"query\":\"rows:1500\"}")).get("id").asText();
            first.await("query", query, "JobComplete");
            first.engines.gate = new Semaphore(1);
            interrupted = first.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
            first.upload(interrupted, big.toString());
            first.complete(interrupted);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (first.json(first.send("GET", BulkServer.V + "/jobs/ingest/" + interrupted, null))
                    .get("numberRecordsProcessed").asInt() < 10_000 && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            // The org stops while batches 1 and 2 are being written (both workers held at the gate) and batch 3
            // waits for a worker: batches 1 and 2 finish, batches 3 and 4 wait for the next start.
            while (first.engines.gate.getQueueLength() < 2 && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            first.requestStop(interrupted);
            first.engines.gate.release(2);
        } finally {
            first.close();
        }

        // A kill after a batch wrote its result rows and before it committed leaves them without a log entry: they
        // must count for nothing, and the batch's run after the restart replaces them.
        Path stray = data.resolve("spool").resolve(interrupted).resolve("batches").resolve("3.csv");
        Files.createDirectories(stray.getParent());
        Files.writeString(stray, "\"001Kc9999999999999\",\"true\",\"Stray row\"\n");

        BulkServer second = start();
        try {
            JsonNode openJob = second.json(second.send("GET", BulkServer.V + "/jobs/ingest/" + open, null));
            assertThat(openJob.get("state").asText()).isEqualTo("Open");
            assertThat(openJob.get("columnDelimiter").asText()).isEqualTo("PIPE");
            second.complete(open);
            assertThat(second.await("ingest", open, "JobComplete").get("numberRecordsProcessed").asInt()).isEqualTo(1);

            JsonNode done = second.json(second.send("GET", BulkServer.V + "/jobs/ingest/" + complete, null));
            assertThat(done.get("state").asText()).isEqualTo("JobComplete");
            assertThat(done.get("numberRecordsProcessed").asInt()).isEqualTo(2);
            assertThat(done.get("numberRecordsFailed").asInt()).isEqualTo(1);
            assertThat(second.text(BulkServer.V + "/jobs/ingest/" + complete + "/failedResults"))
                    .endsWith(",\"FAIL\"\n");

            String page = second.text(BulkServer.V + "/jobs/query/" + query + "/results?maxRecords=10&locator=MTQ5NQ");
            assertThat(QueryJobHttpTest.splitRows(page)).hasSize(6).last().asString().startsWith("\"001Kc1499\"");

            JsonNode resumed = second.await("ingest", interrupted, "JobComplete", "Failed", "Aborted");
            assertThat(resumed.get("state").asText()).isEqualTo("JobComplete");
            assertThat(resumed.get("numberRecordsProcessed").asLong()).isEqualTo(50_000);
            assertThat(second.engines.batches.get()).as("batches applied after the restart: the Open job's one, then "
                    + "batches 3 and 4 of the resumed job").isEqualTo(3);
            List<String> names = second.text(BulkServer.V + "/jobs/ingest/" + interrupted + "/successfulResults")
                    .lines().skip(1).map(line -> line.substring(line.lastIndexOf(',') + 1)).toList();
            assertThat(names).hasSize(50_000).doesNotHaveDuplicates().contains("\"Row 0\"", "\"Row 49999\"")
                    .doesNotContain("\"Stray row\"");
            assertThat(second.text(BulkServer.V + "/jobs/ingest/" + interrupted + "/unprocessedrecords").lines())
                    .containsExactly("Name");
        } finally {
            second.close();
        }
    }

    @Test
    void aQueryThatWasRunningWhenTheOrgStoppedRunsAgainAfterTheRestart() throws Exception {
        String query;
        BulkServer first = start();
        try {
            first.engines.gate = new Semaphore(0);
            query = first.json(first.send("POST", BulkServer.V + "/jobs/query",
                    "{\"operation\":\"query\",\"query\":\"rows:20000\"}")).get("id").asText();
            first.await("query", query, "InProgress");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (!first.engines.gate.hasQueuedThreads() && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            first.requestStop(query); // as the org's shutdown does, while the query is held at row 5,000
            first.engines.gate.release(1);
        } finally {
            first.close();
        }
        BulkServer second = start();
        try {
            JsonNode done = second.await("query", query, "JobComplete", "Failed", "Aborted");
            assertThat(done.get("state").asText()).isEqualTo("JobComplete");
            assertThat(done.get("numberRecordsProcessed").asLong()).isEqualTo(20_000);
            assertThat(QueryJobHttpTest.splitRows(second.text(BulkServer.V + "/jobs/query/" + query
                    + "/results?maxRecords=100000"))).hasSize(20_001);
        } finally {
            second.close();
        }
    }
}
