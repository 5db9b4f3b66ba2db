package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.cli.CliRunner;
import dev.kinetic.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandHelpTest {
    @TempDir
    Path dir;

    static Stream<String> commands() {
        return Stream.of("demo", "insert", "update", "upsert", "delete", "hard-delete", "retry", "query", "job",
                "job get",
                "job wait", "job abort", "job delete", "job list", "job results", "serve", "bench", "org",
                "org status", "org compact", "org reset");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelpWithExamplesAndTheExitCodes(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        CliRunner.Result result = CliRunner.in(dir).run(args.toArray(String[]::new));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: kinetic " + command, "Examples:", "Exit codes:");
        boolean loadsRows = Set.of("demo", "insert", "update", "upsert", "delete", "hard-delete", "retry",
                "job wait", "job results").contains(command);
        ExitCodes.descriptions(loadsRows).forEach((code, meaning) -> assertThat(result.out()).contains(meaning));
        assertThat(Files.exists(dir.resolve(".kinetic"))).as("help starts no org").isFalse();
    }

    private String help(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--help");
        CliRunner.Result result = CliRunner.in(dir).run(args.toArray(String[]::new));
        assertThat(result.exitCode()).isZero();
        return result.out();
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "serve", "job get", "job list", "job abort", "bench", "org status", "org compact",
        "org reset"})
    void commandsThatLoadNoRowsShowNoRowsFailedExitCode(String command) {
        assertThat(help(command.split(" "))).doesNotContain("some rows failed", "all rows succeeded")
                .containsPattern("0\\s+done");
    }

    @Test
    void queryHelpDescribesItsOwnFilesOnly() {
        assertThat(help("query")).doesNotContain("success", "failed-records", "unprocessed")
                .contains("<jobId>.csv", "--column-delimiter", "--line-ending", "--query-file", "--wait");
    }

    @Test
    void jobResultsOffersNoWaitingOptions() {
        assertThat(help("job", "results")).doesNotContain("--async", "--timeout", "--wait")
                .contains("--results-dir");
        assertThat(help("job", "wait")).doesNotContainPattern("\\[--async\\]|(?m)^\\s+--async")
                .contains("--timeout", "--wait");
    }

    @Test
    void ingestHelpNamesTheResultFilesAsTheSalesforceCliDoes() {
        assertThat(help("insert")).contains("<jobId>-success-records.csv", "-failed-records.csv",
                "-unprocessed-records.csv", "-s, --sobject", "--target-org", "--api-version", "--wait");
    }

    @Test
    void theRootCommandListsEveryCommand() {
        CliRunner.Result result = CliRunner.in(dir).run("--help");

        assertThat(result.exitCode()).isZero();
        commands().filter(c -> !c.contains(" ")).forEach(c -> assertThat(result.out()).contains("  " + c));
    }

    @Test
    void noCommandIsAUsageError() {
        CliRunner.Result result = CliRunner.in(dir).run();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Usage: kinetic");
    }
}
