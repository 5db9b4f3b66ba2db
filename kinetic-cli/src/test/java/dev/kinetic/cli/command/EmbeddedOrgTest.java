package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no org configured, commands use an embedded local org stored under the working directory. */
class EmbeddedOrgTest {
    @TempDir
    Path dir;

    @Test
    void theEmbeddedOrgKeepsItsJobsFromOneInvocationToTheNext() {
        CliRunner.Result query = CliRunner.in(dir).run("query", "SELECT Id, Name FROM Account", "--progress",
                "none");

        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(query.firstLine()).isEqualTo("Org: embedded local org (.kinetic/local-org)");
        assertThat(dir.resolve(".kinetic/local-org")).isDirectory();
        String id = CliRunner.jobId(query.out());

        CliRunner.Result list = CliRunner.in(dir).run("job", "list");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains(id + " query");
    }

    @Test
    void theOrgDirectoryCanBeChosen() {
        CliRunner.Result result = CliRunner.in(dir).run("job", "list", "--org-dir", "elsewhere/org");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.firstLine()).isEqualTo("Org: embedded local org (elsewhere/org)");
        assertThat(Files.isDirectory(dir.resolve("elsewhere/org"))).isTrue();
        assertThat(Files.exists(dir.resolve(".kinetic/local-org"))).isFalse();
    }

    @Test
    void serveStartsTheOrgAndPrintsTheVariablesForJwt() {
        CliRunner.Result result = CliRunner.in(dir).run("serve", "--port", "0", "--data", "served",
                "--exit-after-start");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("Local org listening on http://127\\.0\\.0\\.1:\\d+")
                .containsPattern("export SF_CLIENT_ID=\\S+").containsPattern("export SF_USERNAME=\\S+")
                .containsPattern("export SF_PRIVATE_KEY_PATH=\\S+").containsPattern("export SF_LOGIN_URL=http://");
        assertThat(dir.resolve("served/local-org.env")).isRegularFile();
        assertThat(result.out()).contains("X-Kinetic-Control-Secret")
                .contains("KINETIC_CONTROL_SECRET from " + dir.resolve("served/local-org.env"));
    }

    @Test
    void serveRefusesAnAddressBeyondLoopbackWithoutAllowRemote() {
        CliRunner.Result result = CliRunner.in(dir).run("serve", "--port", "0", "--data", "served", "--host",
                "0.0.0.0", "--exit-after-start");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--host 0.0.0.0").contains("--allow-remote")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("served")).doesNotExist();
    }

    @Test
    void anInsertIsSeenByAQueryInTheNextInvocation() throws java.io.IOException {
        Files.writeString(dir.resolve("a.csv"), "Name,External_Key__c\nPersisted,EMB-1\n");

        CliRunner.Result insert = CliRunner.in(dir).run("insert", "Account", "-f", "a.csv", "--progress", "none");
        CliRunner.Result query = CliRunner.in(dir).run("query",
                "SELECT Name FROM Account WHERE External_Key__c = 'EMB-1'", "--out", "-");

        assertThat(insert.exitCode()).as(insert.err()).isZero();
        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(query.out()).contains("Persisted");
    }

    @Test
    void insertAsyncOnTheEmbeddedOrgCompletesAtTheNextJobWait() throws java.io.IOException {
        // More rows than one of the org's internal batches (10,000), so that the first command's org may stop
        // between batches as well as before the first: either way the next start must finish the job.
        int rows = 10_500;
        StringBuilder csv = new StringBuilder("Name,External_Key__c\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("Async ").append(i).append(",ASYNC-").append(i).append('\n');
        }
        Files.writeString(dir.resolve("async.csv"), csv);

        CliRunner.Result started = CliRunner.in(dir).run("insert", "Account", "-f", "async.csv", "--async",
                "--progress", "none");

        assertThat(started.exitCode()).as(started.err()).isZero();
        String id = CliRunner.jobId(started.out());
        assertThat(started.out()).contains("kinetic job wait " + id);

        CliRunner.Result waited = CliRunner.in(dir).run("job", "wait", id, "--results-dir", "results",
                "--progress", "none");

        assertThat(waited.exitCode()).as(waited.out() + waited.err()).isZero();
        assertThat(waited.out()).contains("10,500 succeeded, 0 failed, 0 unprocessed");
        java.util.List<String> success = Files.readAllLines(dir.resolve("results/" + id + "-success-records.csv"));
        assertThat(success.get(0)).isEqualTo("row,sf__Id,sf__Created,Name,External_Key__c");
        java.util.List<String> lines = success.subList(1, success.size());
        assertThat(lines).hasSize(rows).allSatisfy(line -> {
            String[] f = line.split(",", -1);
            assertThat(f[3]).isEqualTo("Async " + f[0]);
            assertThat(f[4]).isEqualTo("ASYNC-" + f[0]);
        });
        assertThat(lines.stream().map(l -> l.split(",")[0]).distinct()).hasSize(rows);
        assertThat(Files.readAllLines(dir.resolve("results/" + id + "-failed-records.csv"))).hasSize(1);
        assertThat(Files.readAllLines(dir.resolve("results/" + id + "-unprocessed-records.csv"))).hasSize(1);

        CliRunner.Result held = CliRunner.in(dir).run("query",
                "SELECT Id, Name, External_Key__c FROM Account WHERE Name LIKE 'Async %'", "--out", "held.csv",
                "--progress", "none");
        assertThat(held.exitCode()).as(held.err()).isZero();
        java.util.List<String> heldRows;
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(dir.resolve("held.csv"))) {
            heldRows = reader.stream().skip(1).map(r -> String.join(",", r.getFields())).toList();
        }
        assertThat(heldRows).containsExactlyInAnyOrderElementsOf(lines.stream()
                .map(l -> l.split(",", 3)).map(f -> f[1] + "," + f[2].substring(f[2].indexOf(',') + 1)).toList());
    }

    @Test
    void demoRunsTheQuickStartAndPrintsTheTable() {
        CliRunner.Result demo = CliRunner.in(dir).run("demo", "--rows", "200", "--progress", "none");

        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.firstLine()).isEqualTo("Org: embedded local org (.kinetic/local-org)");
        assertThat(demo.out()).containsPattern("insert\\s+200\\s+200\\s+0")
                .containsPattern("update\\s+200\\s+200\\s+0")
                .containsPattern("upsert\\s+200\\s+200\\s+0 .*100 created, 100 updated")
                .containsPattern("query\\s+300\\s+300\\s+0")
                .containsPattern("delete\\s+300\\s+300\\s+0")
                .contains("Demo complete");
    }
}
