package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinetic.cli.CliRunner;
import dev.kinetic.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ingest and query commands end to end against a local org started in-process. */
class IngestCommandsTest extends CommandsAgainstLocalOrg {
    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void insertWritesResultFilesNumberedByInputRowAndExitsOneWhenARowFails() throws IOException {
        byte[] body = "Name;Industry\r\nRow One;Technology\r\n;Finance\r\nRow Three;Retail\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path csv = dir.resolve("accounts.csv");
        Files.write(csv, bom);
        Files.write(csv, body, java.nio.file.StandardOpenOption.APPEND);

        CliRunner.Result result = run("insert", "Account", "--file", "accounts.csv", "--results-dir", "out");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.SOME_ROWS_FAILED);
        assertThat(result.out()).contains("delimiter ';' (SEMICOLON), line ending CRLF, BOM stripped");
        String id = CliRunner.jobId(result.out());
        assertThat(result.out()).contains("Job " + id + " JobComplete: 2 succeeded, 1 failed, 0 unprocessed");
        List<String> success = lines(dir.resolve("out/" + id + "-success-records.csv"));
        assertThat(success.get(0)).startsWith("row;");
        assertThat(success.subList(1, success.size())).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("1;").contains("Row One"))
                .anySatisfy(l -> assertThat(l).startsWith("3;").contains("Row Three"));
        List<String> failed = lines(dir.resolve("out/" + id + "-failed-records.csv"));
        assertThat(failed).hasSize(2);
        assertThat(failed.get(1)).startsWith("2;").contains("REQUIRED_FIELD_MISSING");
        assertThat(lines(dir.resolve("out/" + id + "-unprocessed-records.csv"))).hasSize(1);
    }

    @Test
    void noResultsReportsTheOrgsCountsWritesNoFileAndJobResultsWritesThemLater() throws IOException {
        write("n.csv", "Name,Industry\nNo Files One,Energy\n,Finance\nNo Files Three,Retail\n");

        CliRunner.Result result = run("insert", "Account", "-f", "n.csv", "--no-results", "--results-dir",
                "missing/dir");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.SOME_ROWS_FAILED);
        String id = CliRunner.jobId(result.out());
        assertThat(result.out()).contains("Job " + id + " JobComplete: 2 succeeded, 1 failed, 0 unprocessed by the "
                + "org's count").doesNotContain("Files:");
        assertThat(result.out() + result.err()).contains("kinetic job results " + id);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsOnly("n.csv", ".kinetic");
        }

        CliRunner.Result later = run("job", "results", id);

        assertThat(later.exitCode()).as(later.out() + later.err()).isEqualTo(ExitCodes.SOME_ROWS_FAILED);
        assertThat(later.out()).contains("2 succeeded, 1 failed, 0 unprocessed").doesNotContain("org's count");
        assertThat(lines(dir.resolve(id + "-failed-records.csv")).get(1)).startsWith("2,")
                .contains("REQUIRED_FIELD_MISSING");
    }

    @Test
    void noResultsInJsonSaysTheCountsAreTheJobs() throws IOException {
        write("n.csv", "Name\nJson No Files\n");

        CliRunner.Result result = run("insert", "Account", "-f", "n.csv", "--no-results", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("succeeded").asLong()).isEqualTo(1);
        assertThat(json.path("failed").asLong()).isZero();
        assertThat(json.path("unprocessed").asLong()).isZero();
        assertThat(json.path("countsFrom").asText()).isEqualTo("job");
        assertThat(json.has("successFile")).isFalse();
    }

    @Test
    void aCleanLoadExitsZeroAndJsonGivesOneSummaryObject() throws IOException {
        write("a.csv", "Name,NumberOfEmployees\nAlpha,10\nBeta,20\n");

        CliRunner.Result result = run("insert", "Account", "-f", "a.csv", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("succeeded").asLong()).isEqualTo(2);
        assertThat(json.path("failed").asLong()).isZero();
        assertThat(json.path("exitCode").asInt()).isZero();
        assertThat(Path.of(json.path("successFile").asText())).exists();
    }

    @Test
    void updateUpsertAndDeleteUseTheirKeyColumns() throws IOException {
        write("a.csv", "Name,External_Key__c\nUno,CLI-K1\nDos,CLI-K2\n");
        CliRunner.Result insert = run("insert", "Account", "-f", "a.csv");
        assertThat(insert.exitCode()).as(insert.err()).isZero();
        List<String> success = lines(dir.resolve(CliRunner.jobId(insert.out()) + "-success-records.csv"));
        String header = success.get(0);
        assertThat(header).startsWith("row,sf__Id");
        String firstId = success.stream().filter(l -> l.startsWith("1,")).findFirst().orElseThrow().split(",")[1];

        write("u.csv", "Id,Industry\n" + firstId + ",Energy\n");
        CliRunner.Result update = run("update", "Account", "-f", "u.csv");
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(lines(dir.resolve(CliRunner.jobId(update.out()) + "-success-records.csv")).get(1)).startsWith("1," + firstId);

        write("up.csv", "External_Key__c,Name\nCLI-K3,Tres\nCLI-K2,Dos bis\n");
        CliRunner.Result upsert = run("upsert", "Account", "--external-id", "External_Key__c", "-f", "up.csv");
        assertThat(upsert.exitCode()).as(upsert.err()).isZero();
        List<String> upserted = lines(dir.resolve(CliRunner.jobId(upsert.out()) + "-success-records.csv"));
        assertThat(upserted.subList(1, 3)).anySatisfy(l -> assertThat(l).startsWith("1,").contains("true"))
                .anySatisfy(l -> assertThat(l).startsWith("2,").contains("false"));

        write("d.csv", "Id\n" + firstId + "\n");
        CliRunner.Result delete = run("delete", "Account", "-f", "d.csv");
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        CliRunner.Result query = run("query", "SELECT Id FROM Account WHERE Id = '" + firstId + "'", "--out", "-");
        assertThat(query.out().lines().filter(l -> l.contains(firstId.substring(0, 15)))).isEmpty();
    }

    @Test
    void anUnknownFieldFailsTheJobWithExitFour() throws IOException {
        write("bad.csv", "Name,Nmae__c\nA,B\n");

        CliRunner.Result result = run("insert", "Account", "-f", "bad.csv");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(result.out()).contains("Failed", "Nmae__c");
    }

    @Test
    void asyncThenJobWaitWritesTheSameNumberedFiles() throws IOException {
        write("a.csv", "Name\nFirst\n\"Second, with comma\"\n");

        CliRunner.Result started = run("insert", "Account", "-f", "a.csv", "--async");
        assertThat(started.exitCode()).as(started.err()).isZero();
        String id = CliRunner.jobId(started.out());
        assertThat(dir.resolve(id + "-success-records.csv")).doesNotExist();

        CliRunner.Result waited = run("job", "wait", id, "--results-dir", "later");

        assertThat(waited.exitCode()).as(waited.err()).isZero();
        assertThat(lines(dir.resolve("later/" + id + "-success-records.csv")).subList(1, 3))
                .anySatisfy(l -> assertThat(l).startsWith("2,").contains("Second, with comma"));
    }

    @Test
    void withoutTheInputFileRowsStayEmptyAndWithItTheyAreNumbered() throws IOException {
        write("a.csv", "Name,NumberOfEmployees\nFirst,10\nSecond,20\nThird,30\n");
        CliRunner.Result started = run("insert", "Account", "-f", "a.csv", "--async");
        String id = CliRunner.jobId(started.out());
        DemoFiles.deleteTree(dir.resolve(".kinetic/jobs"));

        CliRunner.Result unknown = run("job", "wait", id, "--results-dir", "unknown", "--json");

        assertThat(unknown.exitCode()).as(unknown.err()).isZero();
        assertThat(new ObjectMapper().readTree(unknown.out()).path("rowsWithoutInputRowNumber").asLong())
                .isEqualTo(3);
        assertThat(lines(dir.resolve("unknown/" + id + "-success-records.csv")).subList(1, 4))
                .allSatisfy(l -> assertThat(l).startsWith(",001"));

        CliRunner.Result known = run("job", "results", id, "--file", "a.csv", "--results-dir", "known");

        assertThat(known.exitCode()).as(known.err()).isZero();
        List<String> success = lines(dir.resolve("known/" + id + "-success-records.csv"));
        assertThat(success.get(0)).isEqualTo("row,sf__Id,sf__Created,Name,NumberOfEmployees");
        assertThat(success.subList(1, 4)).anySatisfy(l -> assertThat(l).startsWith("1,").endsWith(",First,10"))
                .anySatisfy(l -> assertThat(l).startsWith("2,").endsWith(",Second,20"))
                .anySatisfy(l -> assertThat(l).startsWith("3,").endsWith(",Third,30"));
        assertThat(lines(dir.resolve("known/" + id + "-failed-records.csv")))
                .containsExactly("row,sf__Id,sf__Error,Name,NumberOfEmployees");
    }

    @Test
    void jobResultsRefusesAFileThatCannotBeTheJobsInput() throws IOException {
        write("a.csv", "Name\nTo Delete\n");
        String inserted = CliRunner.jobId(run("insert", "Account", "-f", "a.csv").out());
        String id = lines(dir.resolve(inserted + "-success-records.csv")).get(1).split(",")[1];
        write("ids.csv", "Id\n" + id + "\n");
        String deleted = CliRunner.jobId(run("delete", "Account", "-f", "ids.csv").out());

        CliRunner.Result result = run("job", "results", deleted, "--file", "a.csv");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Id", "--file").doesNotContain("\tat ");
    }

    @Test
    void queryExportsCsvOrJson() throws IOException {
        write("a.csv", "Name,External_Key__c\nExport Me,CLI-Q1\n");
        assertThat(run("insert", "Account", "-f", "a.csv").exitCode()).isZero();

        CliRunner.Result csv = run("query", "SELECT Name, External_Key__c FROM Account WHERE External_Key__c = "
                + "'CLI-Q1'", "--out", "q.csv");
        CliRunner.Result json = run("query", "SELECT Name FROM Account WHERE External_Key__c = 'CLI-Q1'",
                "--format", "json", "--out", "q.json");

        assertThat(csv.exitCode()).as(csv.err()).isZero();
        // ": 1 records", not "1 records": the rate ("21 records/s") may end in a 1
        assertThat(csv.out()).contains(": 1 record in ").doesNotContain(": 1 records");
        assertThat(lines(dir.resolve("q.csv"))).hasSize(2).last().asString().contains("Export Me", "CLI-Q1");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(dir.resolve("q.json").toFile());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.get(0).path("Name").asText()).isEqualTo("Export Me");
    }

    @Test
    void plainProgressLinesWhenNotATerminal() throws IOException {
        write("a.csv", "Name\nP1\nP2\n");

        CliRunner.Result result = run("insert", "Account", "-f", "a.csv", "--progress", "plain");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("Upload: [0-9.]+ KB of [0-9.]+ KB \\(100%\\)")
                .containsPattern("Processing: 2 records of 2 records \\(100%\\)");
    }

    @Test
    void hardDeleteRemovesRecordsEvenFromQueryAll() throws IOException {
        write("a.csv", "Name,External_Key__c\nGone For Good,CLI-HD1\n");
        CliRunner.Result insert = run("insert", "Account", "-f", "a.csv");
        String id = lines(dir.resolve(CliRunner.jobId(insert.out()) + "-success-records.csv")).get(1).split(",")[1];
        write("d.csv", "Id\n" + id + "\n");

        CliRunner.Result hardDelete = run("hard-delete", "Account", "-f", "d.csv");
        CliRunner.Result all = run("query", "SELECT Id FROM Account WHERE External_Key__c = 'CLI-HD1'", "--all",
                "--out", "-");

        assertThat(hardDelete.exitCode()).as(hardDelete.out() + hardDelete.err()).isZero();
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).doesNotContain(id.substring(0, 15));
    }

    @Test
    void aDeletedRecordIsFoundByQueryAllOnly() throws IOException {
        write("a.csv", "Name,External_Key__c\nRecycled,CLI-RB1\n");
        CliRunner.Result insert = run("insert", "Account", "-f", "a.csv");
        String id = lines(dir.resolve(CliRunner.jobId(insert.out()) + "-success-records.csv")).get(1).split(",")[1];
        write("d.csv", "Id\n" + id + "\n");
        assertThat(run("delete", "Account", "-f", "d.csv").exitCode()).isZero();

        String soql = "SELECT Id, Name FROM Account WHERE External_Key__c = 'CLI-RB1'";
        CliRunner.Result live = run("query", soql, "--out", "-");
        CliRunner.Result all = run("query", soql, "--all", "--out", "-");

        assertThat(live.out()).doesNotContain("Recycled");
        assertThat(all.out()).contains("Recycled");
    }

    @Test
    void aQueryStartedAsyncIsPickedUpByJobWait() {
        CliRunner.Result started = run("query", "SELECT Id FROM Account", "--async");
        String id = CliRunner.jobId(started.out());

        CliRunner.Result waited = run("job", "wait", id, "--out", "later.csv");

        assertThat(waited.exitCode()).as(waited.err()).isZero();
        assertThat(waited.out()).contains("Job " + id + ":", "later.csv");
        assertThat(dir.resolve("later.csv")).exists();
    }

    @Test
    void theLiveBarModeRunsWithoutATerminal() throws IOException {
        write("a.csv", "Name\nBar One\n");

        CliRunner.Result result = run("insert", "Account", "-f", "a.csv", "--progress", "bar");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("1 succeeded").doesNotContain("Processing:");
    }
}
