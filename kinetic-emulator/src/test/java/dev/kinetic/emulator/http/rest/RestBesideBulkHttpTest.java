package dev.kinetic.emulator.http.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrgHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * REST writes and a Bulk ingest job on the same object at the same time, over raw HTTP: both go through the DML
 * engine's per-object write lane, so neither corrupts the other nor deadlocks; every REST write is answered with its
 * usual status (never UNABLE_TO_LOCK_ROW or 500) and the job loads every row.
 */
class RestBesideBulkHttpTest extends RestOrgTestBase {
    private static final int BULK_ROWS = 40_000;
    private static final int WRITERS = 2;

    private static HttpResponse<String> send(String method, String path, String contentType, String body) {
        if (body == null || contentType.equals("application/json")) {
            return send(method, path, body);
        }
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String jobState(String job) {
        return LocalOrgHttp.parse(send("GET", V + "/jobs/ingest/" + job, null, null)).path("state").asText();
    }

    private static int count(String soql) {
        return count(soql, "query");
    }

    @Test
    void restWritesDuringABulkIngestAllSucceedAndTheJobLoadsEveryRow() throws Exception {
        HttpResponse<String> created = send("POST", V + "/jobs/ingest", "application/json",
                "{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"LF\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String job = LocalOrgHttp.parse(created).path("id").asText();
        StringBuilder csv = new StringBuilder("Name,External_Key__c\n");
        for (int i = 0; i < BULK_ROWS; i++) {
            csv.append("Bulk ").append(i).append(",B-").append(i).append('\n');
        }
        assertThat(send("PUT", V + "/jobs/ingest/" + job + "/batches", "text/csv", csv.toString()).statusCode())
                .isEqualTo(201);

        AtomicBoolean jobDone = new AtomicBoolean();
        AtomicInteger duringJob = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<int[]>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> restWrites(writer, job, jobDone, duringJob)));
        }
        assertThat(send("PATCH", V + "/jobs/ingest/" + job, "application/json", "{\"state\":\"UploadComplete\"}")
                .statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String state = jobState(job);
        while (!state.equals("JobComplete") && !state.equals("Failed") && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            state = jobState(job);
        }
        jobDone.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("REST writers finished (no deadlock)").isTrue();
        assertThat(state).isEqualTo("JobComplete");

        int kept = 0;
        for (Future<int[]> f : writers) {
            kept += f.get()[0];
        }
        JsonNode info = LocalOrgHttp.parse(send("GET", V + "/jobs/ingest/" + job, null, null));
        assertThat(info.path("numberRecordsProcessed").asInt()).isEqualTo(BULK_ROWS);
        assertThat(info.path("numberRecordsFailed").asInt()).isZero();
        assertThat(count("SELECT COUNT() FROM Account WHERE External_Key__c LIKE 'B-%'")).isEqualTo(BULK_ROWS);
        assertThat(count("SELECT COUNT() FROM Account WHERE Name LIKE 'Rest %'")).isEqualTo(kept);
        assertThat(count("SELECT COUNT() FROM Account WHERE External_Key__c LIKE 'S-%'")).isEqualTo(kept);
        assertThat(duringJob.get()).as("REST writes sent and answered while the job was in progress").isPositive();
    }

    // Creates, updates, upserts and deletes until the job is done; answers {records kept}. Any other status fails.
    // A write sent while the job is InProgress waits for the object's write lane until the job's current batch has
    // committed; it counts in `duringJob` when it is answered before the job is seen complete.
    private static int[] restWrites(int writer, String job, AtomicBoolean jobDone, AtomicInteger duringJob) {
        int kept = 0;
        for (int i = 0; !jobDone.get(); i++) {
            String key = "S-" + writer + "-" + i;
            String id = LocalOrgHttp.parse(write(job, jobDone, duringJob, "POST", V + "/sobjects/Account",
                    "{\"Name\":\"Rest " + key + "\"}", 201)).path("id").asText();
            write(job, jobDone, duringJob, "PATCH", V + "/sobjects/Account/" + id,
                    "{\"External_Key__c\":\"" + key + "\"}", 204);
            String gone = LocalOrgHttp.parse(write(job, jobDone, duringJob, "PATCH",
                    V + "/sobjects/Account/External_Key__c/" + key + "-x", "{\"Name\":\"Gone " + key + "\"}", 201))
                    .path("id").asText();
            write(job, jobDone, duringJob, "DELETE", V + "/sobjects/Account/" + gone, null, 204);
            kept++;
        }
        return new int[] {kept};
    }

    private static HttpResponse<String> write(String job, AtomicBoolean jobDone, AtomicInteger duringJob,
                                              String method, String path, String body, int status) {
        boolean sentDuringJob = jobState(job).equals("InProgress");
        HttpResponse<String> r = send(method, path, body == null ? null : "application/json", body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        if (sentDuringJob && !jobDone.get()) {
            duringJob.incrementAndGet();
        }
        return r;
    }
}
