package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinetic.cli.CliRunner;
import dev.kinetic.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the commands print and write: hints, counts, words, CSV style, and the Salesforce CLI's habits. */
class OutputCommandsTest extends CommandsAgainstLocalOrg {
    @Test
    void anUnknownObjectGetsTheObjectHintChosenByErrorCode() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "Name\nx\n");

        CliRunner.Result result = run("insert", "Acount", "-f", "a.csv");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Acount", "(check the object's API name (custom objects end in __c))")
                .doesNotContain("job list", "POST /jobs");
    }

    @Test
    void anUnknownJobGetsTheJobIdHint() {
        CliRunner.Result result = run("job", "get", "750000000000000AAA");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("check the job id with 'kinetic job list'");
    }

    @Test
    void jobListShowsNoCountsItWasNotGiven() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "Name\nListed\n");
        String id = CliRunner.jobId(run("insert", "Account", "-f", "a.csv").out());

        CliRunner.Result list = run("job", "list");

        String line = list.out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
        assertThat(line).doesNotContain("0 processed", "0 failed");
    }

    @Test
    void oneRecordIsSingular() throws IOException {
        Files.writeString(dir.resolve("one.csv"), "Name\nSingle\n");

        CliRunner.Result result = run("insert", "Account", "-f", "one.csv", "--async");

        // "\b": a rate such as "21 records/s" is not the plural of one record
        assertThat(result.out()).contains("1 record uploaded").doesNotContainPattern("\\b1 records");
    }

    @Test
    void queryCsvIsTheSameBytesInAFileAndOnStandardOutputQuotedAsSalesforceQuotes() throws IOException {
        Files.writeString(dir.resolve("q.csv"), "Name,Description,External_Key__c\n\"Comma, Inc\",\"Say \"\"hi\"\"\","
                + "OUT-Q1\nPlain,,OUT-Q2\n");
        assertThat(run("insert", "Account", "-f", "q.csv").exitCode()).isZero();
        String soql = "SELECT Name, Description FROM Account WHERE External_Key__c LIKE 'OUT-Q%' ORDER BY Name";

        CliRunner.Result toFile = run("query", soql, "--out", "q-out.csv");
        CliRunner.Result toStdout = run("query", soql, "--out", "-");

        assertThat(toFile.exitCode()).as(toFile.err()).isZero();
        String file = Files.readString(dir.resolve("q-out.csv"), StandardCharsets.UTF_8);
        assertThat(toStdout.out()).isEqualTo(file);
        assertThat(file).isEqualTo("\"Name\",\"Description\"\n\"Comma, Inc\",\"Say \"\"hi\"\"\"\n\"Plain\",\"\"\n");
    }

    @Test
    void queryTakesAQueryFileADelimiterAndALineEndingAsTheSalesforceCliNamesThem() throws IOException {
        Files.writeString(dir.resolve("t.csv"), "Name,External_Key__c\nTabbed,OUT-T1\n");
        assertThat(run("insert", "Account", "-f", "t.csv").exitCode()).isZero();
        Files.writeString(dir.resolve("q.soql"), "SELECT Name, External_Key__c FROM Account\n"
                + "WHERE External_Key__c = 'OUT-T1'\n");

        CliRunner.Result file = run("query", "--query-file", "q.soql", "--column-delimiter", "TAB",
                "--line-ending", "crlf", "--out", "t.tsv");
        CliRunner.Result stdout = run("query", "--query-file", "q.soql", "--column-delimiter", "TAB",
                "--line-ending", "CRLF", "--out", "-");

        assertThat(file.exitCode()).as(file.err()).isZero();
        String expected = "\"Name\"\t\"External_Key__c\"\r\n\"Tabbed\"\t\"OUT-T1\"\r\n";
        assertThat(Files.readString(dir.resolve("t.tsv"))).isEqualTo(expected);
        assertThat(stdout.out()).isEqualTo(expected);

        CliRunner.Result both = run("query", "SELECT Id FROM Account", "--query-file", "q.soql");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("not both");
        CliRunner.Result bad = run("query", "--query-file", "q.soql", "--column-delimiter", "SPACE");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("COMMA", "TAB");
    }

    @Test
    void theObjectCanBeGivenWithSobjectAndTheWaitInMinutes() throws IOException {
        Files.writeString(dir.resolve("s.csv"), "Name\nBy sobject\n");

        CliRunner.Result ok = run("insert", "-s", "Account", "-f", "s.csv", "--wait", "5", "--api-version", "61.0");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        String id = CliRunner.jobId(ok.out());
        assertThat(new ObjectMapper().readTree(run("job", "get", id, "--json").out()).path("apiVersion").asText())
                .startsWith("61");

        CliRunner.Result twice = run("insert", "Account", "--sobject", "Contact", "-f", "s.csv");
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("Account", "Contact", "give one of them");
        CliRunner.Result none = run("insert", "-f", "s.csv");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("Missing the object");
        CliRunner.Result bothWaits = run("insert", "Account", "-f", "s.csv", "--wait", "5", "--timeout", "90s");
        assertThat(bothWaits.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRunner.Result version = run("insert", "Account", "-f", "s.csv", "--api-version", "latest");
        assertThat(version.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(version.err()).contains("'latest'", "62.0");
    }

    /** A stand-in for the Salesforce CLI: answers 'org display --json' for the alias "kinetic-test" only. */
    private Path fakeSf() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String good = "{\"status\":0,\"result\":{\"id\":\"00D000000000001AAA\",\"apiVersion\":\"62.0\","
                + "\"accessToken\":\"" + org.accessToken() + "\",\"instanceUrl\":\"" + org.baseUri() + "\","
                + "\"username\":\"admin@kinetic.test\",\"alias\":\"kinetic-test\"},\"warnings\":[]}";
        String bad = "{\"status\":1,\"name\":\"NamedOrgNotFoundError\",\"message\":\"No authorization information "
                + "found for nope.\",\"exitCode\":1}";
        Path sf = bin.resolve("sf");
        Files.writeString(sf, "#!/bin/sh\nif [ \"$1 $2 $3 $4 $5\" = \"org display --json --target-org kinetic-test\" ]"
                + "; then\n  printf '%s' '" + good + "'\n  exit 0\nfi\nprintf '%s' '" + bad + "'\nexit 1\n");
        Files.setPosixFilePermissions(sf, PosixFilePermissions.fromString("rwx------"));
        return bin;
    }

    @Test
    void targetOrgSignsInWithASalesforceCliLoginAndNeverPrintsTheToken() throws IOException {
        Path bin = fakeSf();
        Files.writeString(dir.resolve("a.csv"), "Name\nVia sf\n");
        CliRunner cli = new CliRunner(dir, Map.of("PATH", bin.toString()));

        CliRunner.Result ok = cli.run("insert", "Account", "-f", "a.csv", "--target-org", "kinetic-test",
                "--progress", "none");
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.firstLine()).isEqualTo("Org: " + org.baseUri() + " (Salesforce CLI login kinetic-test as "
                + "admin@kinetic.test)");

        CliRunner.Result unknown = cli.run("job", "list", "--target-org", "nope");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(unknown.err()).contains("No authorization information found for nope.", "sf org list");

        CliRunner.Result noSf = new CliRunner(dir, Map.of("PATH", dir.resolve("empty").toString()))
                .run("job", "list", "--target-org", "kinetic-test");
        assertThat(noSf.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(noSf.err()).contains("'sf' is not on the PATH", "install the Salesforce CLI");

        for (CliRunner.Result r : List.of(ok, unknown, noSf)) {
            assertThat(r.out() + r.err()).doesNotContain(org.accessToken());
        }
    }
}
