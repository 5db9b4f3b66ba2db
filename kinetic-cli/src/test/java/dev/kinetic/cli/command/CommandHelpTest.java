package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.cli.CliRunner;
import dev.kinetic.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandHelpTest {
    @TempDir
    Path dir;

    static Stream<String> commands() {
        return Stream.of("demo", "insert", "update", "upsert", "delete", "hard-delete", "query", "job", "job get",
                "job wait", "job abort", "job delete", "job list", "job results", "serve", "bench");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelpWithExamplesAndTheExitCodes(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        CliRunner.Result result = CliRunner.in(dir).run(args.toArray(String[]::new));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: kinetic " + command, "Examples:", "Exit codes:");
        ExitCodes.descriptions().forEach((code, meaning) -> assertThat(result.out()).contains(meaning));
        assertThat(Files.exists(dir.resolve(".kinetic"))).as("help starts no org").isFalse();
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
