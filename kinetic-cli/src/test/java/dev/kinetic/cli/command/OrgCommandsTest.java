package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.cli.CliRunner;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.control.Progression;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands against a local org started in-process (in memory, port 0), selected with --instance-url and
 * --access-token or the SF_* variables: org errors, sign-in, job management, timeouts, and what a run against a
 * remote org loads (a forked JVM).
 */
class OrgCommandsTest {
    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder().resetBeforeEachTest(false).build();
    @RegisterExtension
    static final LocalOrgExtension SLOW_ORG = LocalOrgExtension.builder().resetBeforeEachTest(false)
            .org(config -> config.progression(Progression.afterPolls(100_000))).build();

    private static LocalOrg org;
    private static LocalOrg slowOrg;

    @TempDir
    Path dir;

    @BeforeAll
    static void keepOrgs() {
        org = ORG.org();
        slowOrg = SLOW_ORG.org();
    }

    private CliRunner.Result run(LocalOrg target, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--instance-url", target.baseUri().toString(), "--access-token", target.accessToken(),
                "--progress", "none"));
        return CliRunner.in(dir).run(all.toArray(String[]::new));
    }


    @Test
    void theFirstLineSaysWhichOrgIsUsed() {
        CliRunner.Result result = run(org, "job", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.firstLine()).isEqualTo("Org: " + org.baseUri() + " (access token)");
    }

    @Test
    void signsInWithTheSfVariablesTheLocalOrgHandsOut() {
        Map<String, String> env = new HashMap<>();
        for (String line : org.credentials().envLines()) {
            env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }

        CliRunner.Result result = new CliRunner(dir, env).run("job", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.firstLine()).isEqualTo("Org: " + org.baseUri() + " (JWT as "
                + org.credentials().username() + ")");
    }

    @Test
    void aRejectedSignInIsAnAuthError() {
        Map<String, String> env = new HashMap<>();
        for (String line : org.credentials().envLines()) {
            env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        env.put("SF_USERNAME", "nobody@example.com");

        CliRunner.Result result = new CliRunner(dir, env).run("job", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(result.err()).startsWith("Error: Sign-in failed").doesNotContain("\tat ");
    }

    @Test
    void aWrongAccessTokenIsAnAuthError() {
        CliRunner.Result result = CliRunner.in(dir).run("job", "list", "--instance-url", org.baseUri().toString(),
                "--access-token", "00Dnot!valid");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(result.err()).contains("HTTP 401").doesNotContain("00Dnot!valid").doesNotContain("\tat ");
    }

    @Test
    void aBadQueryIsAOneLineUsageError() {
        CliRunner.Result result = run(org, "query", "SELECT Id, FROM Account");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).contains("MALFORMED_QUERY", "check the SOQL syntax");
    }

    @Test
    void anUnknownObjectIsAUsageErrorNamingIt() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "Name\nA\n");

        CliRunner.Result insert = run(org, "insert", "Acount", "-f", "a.csv");
        CliRunner.Result query = run(org, "query", "SELECT Id FROM Acount");

        assertThat(insert.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(insert.err()).contains("Acount").doesNotContain("\tat ");
        assertThat(query.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(query.err()).contains("Acount");
    }

    @Test
    void anUnknownFieldIsNamed() throws IOException {
        CliRunner.Result query = run(org, "query", "SELECT Id, Nmae FROM Account");

        assertThat(query.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(query.err()).contains("Nmae");
    }

    @Test
    void aQueryWithNoRowsWritesAHeaderOnlyFileAndTheSummary() throws IOException {
        CliRunner.Result result = run(org, "query", "SELECT Id, Name FROM Contact", "--out", "c.csv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("0 records", "c.csv");
        assertThat(Files.readString(dir.resolve("c.csv")).lines()).hasSize(1);
    }

    @Test
    void timeoutExitsFiveWithTheJobIdAndLeavesTheJobRunning() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "Name\nA\n");

        CliRunner.Result result = run(slowOrg, "insert", "Account", "-f", "a.csv", "--timeout", "1s");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        String id = CliRunner.jobId(result.err());
        assertThat(result.err()).contains("still running", "kinetic job wait " + id);
        CliRunner.Result get = run(slowOrg, "job", "get", id);
        assertThat(get.out()).contains(id).doesNotContain("Aborted");
    }

    @Test
    void asyncPrintsTheJobIdAndJobResultsSaysItIsStillRunning() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "Name\nA\nB\n");

        CliRunner.Result started = run(slowOrg, "insert", "Account", "-f", "a.csv", "--async");

        assertThat(started.exitCode()).isZero();
        String id = CliRunner.jobId(started.out());
        assertThat(started.out()).contains("2 records uploaded", "kinetic job wait " + id);
        CliRunner.Result results = run(slowOrg, "job", "results", id);
        assertThat(results.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(results.err()).contains("still", "kinetic job wait " + id);
    }

    @Test
    void jobGetAbortListAndDeleteManageAJob() throws IOException, InterruptedException {
        String openId = createOpenJob();

        CliRunner.Result get = run(org, "job", "get", openId, "--json");
        assertThat(get.exitCode()).isZero();
        assertThat(get.out()).contains("\"id\" : \"" + openId + "\"", "\"state\" : \"Open\"");

        CliRunner.Result abort = run(org, "job", "abort", openId);
        assertThat(abort.exitCode()).isZero();
        assertThat(abort.out()).contains("Job " + openId + " Aborted");

        CliRunner.Result list = run(org, "job", "list");
        assertThat(list.out()).contains(openId);

        CliRunner.Result delete = run(org, "job", "delete", openId);
        assertThat(delete.exitCode()).isZero();
        assertThat(delete.out()).contains("Job " + openId + " deleted");
        CliRunner.Result gone = run(org, "job", "get", openId);
        assertThat(gone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(gone.err()).contains("404");
    }

    /** An ingest job left Open (no data, never closed), created with raw HTTP as another client would. */
    private static String createOpenJob() throws IOException, InterruptedException {
        HttpRequest create = HttpRequest.newBuilder(org.baseUri().resolve("/services/data/v62.0/jobs/ingest"))
                .header("Authorization", "Bearer " + org.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"Account\",\"operation\":\"insert\","
                        + "\"contentType\":\"CSV\",\"lineEnding\":\"LF\",\"columnDelimiter\":\"COMMA\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"(750Kc0[0-9A-Za-z]{12})\"").matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return id.group(1);
    }

    @Test
    void anInsertIntoARemoteOrgLoadsNoneOfTheEmbeddedOrgsClassesAndNoOtherCommand() throws Exception {
        Path csv = Files.writeString(dir.resolve("accounts.csv"), "Name,Industry\nAcme,Energy\nGlobex,Retail\n");

        List<String> loaded = classesLoadedBy("insert", "Account", "--file", csv.toString(), "--instance-url",
                org.baseUri().toString(), "--access-token", org.accessToken(), "--progress", "none", "--quiet");

        assertThat(loaded).as("the log sees the classes that ran").contains("dev.kinetic.cli.command.InsertCommand",
                "dev.kinetic.core.bulk.BulkClient", "dev.kinetic.cli.results.ResultWriter");
        assertThat(loaded).filteredOn(c -> c.startsWith("dev.kinetic.emulator.") || c.startsWith("org.eclipse.jetty.")
                || c.startsWith("org.h2.")).isEmpty();
        assertThat(loaded).filteredOn(c -> c.startsWith("dev.kinetic.cli.command.") && c.endsWith("Command")
                && !c.endsWith(".InsertCommand") && !c.endsWith(".IngestCommand") && !c.endsWith(".BaseCommand"))
                .isEmpty();
    }

    /** Runs the command in its own JVM with class loading logged; answers the classes' names, checking exit 0. */
    private List<String> classesLoadedBy(String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                dev.kinetic.cli.Main.class.getName()));
        command.addAll(List.of(args));
        Process run = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.out").toFile()).start();
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("the command ended within 120 s").isTrue();
        assertThat(run.exitValue()).as(Files.readString(dir.resolve("run.out"))).isZero();
        // e.g. "[0.123s][info][class,load] dev.kinetic.cli.Main source: file:/…"
        return Files.readAllLines(log).stream().map(l -> l.replaceFirst("^(\\[[^]]*])+\\s*", ""))
                .map(l -> l.split(" ", 2)[0]).toList();
    }
}
