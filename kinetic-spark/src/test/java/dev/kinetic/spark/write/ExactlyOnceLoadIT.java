package dev.kinetic.spark.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.PollOptions;
import dev.kinetic.emulator.junit.LocalOrgTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exactly-once protocol of one partition without Spark, attempts played out in a chosen order: a speculative or
 * stale attempt that lost the partition loads nothing, and a job an earlier attempt left Open is aborted and its
 * chunk loaded once.
 */
@LocalOrgTest
class ExactlyOnceLoadIT {
    private static final PollOptions FAST = PollOptions.builder().pollInterval(Duration.ofMillis(20)).build();

    @TempDir
    Path tmp;

    private Path chunk(int rows) throws IOException {
        StringBuilder csv = new StringBuilder("Name\n");
        for (int i = 0; i < rows; i++) {
            csv.append("E").append(i).append('\n');
        }
        return Files.writeString(tmp.resolve("chunk.csv"), csv);
    }

    private ExactlyOnceLoad load(SalesforceClient client, AttemptToken me) {
        LoadSettings settings = new LoadSettings("Account", BulkOperation.INSERT, null, tmp.resolve("cp").toString(),
                null, FailedRowsFormat.CSV, LoadSettings.DEFAULT_MAX_BYTES);
        return new ExactlyOnceLoad(client, settings, new Checkpoint(settings.checkpointPath(), 0, me), FAST, 0);
    }

    private static long accounts(SalesforceClient client) {
        return client.bulk().query("SELECT Id FROM Account").recordCount();
    }

    @Test
    void anAttemptThatLostThePartitionToALaterOneLoadsNothing(SalesforceClient client) throws IOException {
        List<Path> chunks = List.of(chunk(20));
        LoadReport winner = load(client, new AttemptToken(0, 1)).run(chunks, new AttemptToken(0, 1));
        assertThat(winner.succeeded()).isEqualTo(20);

        // the original (or a speculative copy with a lower number) reaches its commit afterwards
        assertThatThrownBy(() -> load(client, new AttemptToken(0, 0)).run(chunks, new AttemptToken(0, 0)))
                .hasMessageContaining("loads nothing").hasMessageContaining("0.1");
        assertThat(accounts(client)).isEqualTo(20);
        assertThat(client.bulk().listJobs(JobKind.INGEST).jobs()).hasSize(1);
    }

    @Test
    void aLaterAttemptOfAFinishedPartitionTakesItsOutcomeWithoutLoading(SalesforceClient client) throws IOException {
        List<Path> chunks = List.of(chunk(15));
        load(client, new AttemptToken(0, 0)).run(chunks, new AttemptToken(0, 0));
        LoadReport again = load(client, new AttemptToken(1, 0)).run(chunks, new AttemptToken(1, 0));
        assertThat(again.resumed()).isTrue();
        assertThat(again.succeeded()).isEqualTo(15);
        assertThat(accounts(client)).isEqualTo(15);
    }

    @Test
    void aJobAnEarlierAttemptLeftOpenIsAbortedAndItsChunkLoadedOnce(SalesforceClient client) throws IOException {
        // attempt 0 died after recording its job and uploading to it, before closing it: the job is Open
        Checkpoint zero = new Checkpoint(tmp.resolve("cp"), 0, new AttemptToken(0, 0));
        zero.claim();
        String leftOpen = openJobWithData(client, "Name\nNever1\nNever2\n");
        zero.recordJob(0, leftOpen);

        LoadReport report = load(client, new AttemptToken(0, 1)).run(List.of(chunk(12)), new AttemptToken(0, 1));
        assertThat(report.succeeded()).isEqualTo(12);
        assertThat(client.bulk().getJob(leftOpen).state()).isEqualTo(JobState.ABORTED);
        assertThat(accounts(client)).isEqualTo(12);
    }

    /** Creates an ingest job and uploads to it without closing it, over raw HTTP (the library always closes). */
    private static String openJobWithData(SalesforceClient client, String csv) {
        SalesforceSession s = client.session();
        String base = s.instanceUrl() + "/services/data/" + s.apiVersion() + "/jobs/ingest";
        HttpClient http = HttpClient.newHttpClient();
        try {
            String created = http.send(HttpRequest.newBuilder(URI.create(base))
                    .header("Authorization", "Bearer " + s.accessToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"Account\",\"operation\":\"insert\","
                            + "\"lineEnding\":\"LF\"}")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
            assertThat(m.find()).as(created).isTrue();
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/" + m.group(1)
                    + "/batches")).header("Authorization", "Bearer " + s.accessToken())
                    .header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(csv)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(201);
            return m.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
