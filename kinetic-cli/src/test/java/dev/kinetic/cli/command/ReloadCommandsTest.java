package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.cli.CliRunner;
import dev.kinetic.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading result files again (Data Loader's habit), {@code retry}, and loads split over several jobs. */
class ReloadCommandsTest extends CommandsAgainstLocalOrg {
    private static List<String> jobIdsIn(String text) {
        List<String> ids = CliRunner.jobIds(text);
        assertThat(ids).as("job ids in: " + text).isNotEmpty();
        return ids;
    }

    private List<String> lines(String name) throws IOException {
        return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private List<String> namesInOrg(String keyPrefix) {
        CliRunner.Result query = run("query", "SELECT Name FROM Account WHERE External_Key__c LIKE '" + keyPrefix
                + "%'", "--out", "-", "-q");
        assertThat(query.exitCode()).as(query.err()).isZero();
        return query.out().lines().skip(1).map(l -> l.replace("\"", "")).sorted().toList();
    }

    @Test
    void aFixedFailedFileLoadsAgainWithItsResultColumnsIgnored() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"),
                "Name,External_Key__c\nFix One,RL-1\n,RL-2\nFix Three,RL-3\n,RL-4\n");
        CliRunner.Result first = run("insert", "Account", "-f", "accounts.csv");
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.SOME_ROWS_FAILED);
        String id = jobIdsIn(first.out()).get(0);
        List<String> failed = lines(id + "-failed-records.csv");
        assertThat(failed.get(0)).isEqualTo("row,sf__Id,sf__Error,Name,External_Key__c");
        assertThat(failed).hasSize(3);

        // the user fills in the missing names, as in Data Loader, and loads the error file itself
        String fixedText = String.join("\n", failed).replace(",,RL-2", ",Fix Two,RL-2").replace(",,RL-4",
                ",Fix Four,RL-4") + "\n";
        Files.writeString(dir.resolve(id + "-failed-records.csv"), fixedText);
        CliRunner.Result reload = run("insert", "Account", "-f", id + "-failed-records.csv", "--results-dir", "again");

        assertThat(reload.exitCode()).as(reload.out() + reload.err()).isZero();
        assertThat(reload.err()).containsOnlyOnce("Ignoring the columns row, sf__Id, sf__Error of " + id
                + "-failed-records.csv");
        String again = jobIdsIn(reload.out().substring(reload.out().indexOf("\nJob "))).get(0);
        assertThat(reload.out()).contains("Job " + again + " JobComplete: 2 succeeded, 0 failed");
        assertThat(lines("again/" + again + "-success-records.csv")).anySatisfy(l -> assertThat(l).startsWith("1,")
                .contains("Fix Two")).anySatisfy(l -> assertThat(l).startsWith("2,").contains("Fix Four"));
        assertThat(namesInOrg("RL-")).containsExactly("Fix Four", "Fix One", "Fix Three", "Fix Two");
    }

    @Test
    void retryLoadsExactlyTheFailedRowsOfAJobFromItsInputFile() throws IOException {
        Files.writeString(dir.resolve("in.csv"), "Name;External_Key__c\r\nRetry One;RT-1\r\n;RT-2\r\n"
                + "Retry Three;RT-3\r\n;RT-4\r\n");
        CliRunner.Result first = run("insert", "Account", "-f", "in.csv");
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.SOME_ROWS_FAILED);
        String id = jobIdsIn(first.out()).get(0);

        CliRunner.Result retry = run("retry", id, "--results-dir", "r");

        assertThat(retry.exitCode()).as(retry.out() + retry.err()).isEqualTo(ExitCodes.SOME_ROWS_FAILED);
        assertThat(retry.out()).contains("Retrying the 2 failed rows of job " + id + " (insert Account) from "
                + dir.resolve("in.csv"));
        // exactly the failed rows, in the input's own dialect
        assertThat(Files.readString(dir.resolve("r/" + id + "-retry.csv")))
                .isEqualTo("Name;External_Key__c\r\n;RT-2\r\n;RT-4\r\n");
        String second = jobIdsIn(retry.out().substring(retry.out().indexOf("Job "))).get(0);
        assertThat(second).isNotEqualTo(id);
        assertThat(retry.out()).contains("Job " + second + " JobComplete: 0 succeeded, 2 failed");
        assertThat(lines("r/" + second + "-failed-records.csv")).hasSize(3)
                .anySatisfy(l -> assertThat(l).startsWith("1;").endsWith(";RT-2"))
                .anySatisfy(l -> assertThat(l).startsWith("2;").endsWith(";RT-4"));
        // the rows that succeeded the first time were not sent again
        assertThat(namesInOrg("RT-")).containsExactly("Retry One", "Retry Three");
    }

    @Test
    void retryRefusesAnInputFileThatChangedOrIsGoneNamingIt() throws IOException {
        Path in = Files.writeString(dir.resolve("gone.csv"), "Name\nKeep\n\"\"\n");
        CliRunner.Result first = run("insert", "Account", "-f", "gone.csv");
        String id = jobIdsIn(first.out()).get(0);

        Files.writeString(in, "Name\nKeep\nAnother row\n");
        CliRunner.Result changed = run("retry", id);
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(changed.err()).contains("The input file of job " + id + ", " + in + ", changed since the job "
                + "loaded it").contains("--file " + id + "-failed-records.csv").doesNotContain("Exception");

        Files.delete(in);
        CliRunner.Result gone = run("retry", id);
        assertThat(gone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(gone.err()).contains(in + ", is gone; restore it, or fix and load its failed file instead");

        CliRunner.Result unknown = CliRunner.in(Files.createDirectories(dir.resolve("elsewhere"))).run("retry", id, "--instance-url",
                org.baseUri().toString(), "--access-token", org.accessToken());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("The input file of job " + id + " is not known here");
    }

    @Test
    void aFileOverTheSplitSizeIsLoadedAsOneLoadOfSeveralJobsWithGlobalRowNumbers() throws IOException {
        StringBuilder csv = new StringBuilder("Name,External_Key__c,Description\n");
        String padding = "x".repeat(60);
        for (int row = 1; row <= 60; row++) {
            csv.append(row % 25 == 0 ? "" : "Split " + row).append(",SP-").append(row).append(',').append(padding)
                    .append('\n');
        }
        Files.writeString(dir.resolve("big.csv"), csv);

        CliRunner.Result result = run("insert", "Account", "-f", "big.csv", "--max-bytes-per-job", "2048");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.SOME_ROWS_FAILED);
        List<String> ids = jobIdsIn(result.out());
        assertThat(ids.size()).isGreaterThanOrEqualTo(3);
        assertThat(result.out()).contains("Jobs " + String.join(", ", ids) + " (one load split into " + ids.size()
                + " jobs) JobComplete: 58 succeeded, 2 failed, 0 unprocessed");
        List<String> success = lines(ids.get(0) + "-success-records.csv");
        assertThat(success).hasSize(59);
        for (String line : success.subList(1, success.size())) {
            String[] f = line.split(",");
            assertThat(f[3]).as(line).isEqualTo("Split " + f[0]); // the row number is the global input row
        }
        List<String> failed = lines(ids.get(0) + "-failed-records.csv");
        assertThat(failed.subList(1, failed.size())).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("25,").contains(",SP-25,"))
                .anySatisfy(l -> assertThat(l).startsWith("50,").contains(",SP-50,"));
        assertThat(namesInOrg("SP-")).hasSize(58);
    }
}
