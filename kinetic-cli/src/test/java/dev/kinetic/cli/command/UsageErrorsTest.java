package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.cli.CliRunner;
import dev.kinetic.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors found before anything is sent: one line, the right exit code, no org started, no stack trace. */
class UsageErrorsTest {
    @TempDir
    Path dir;

    private CliRunner.Result run(String... args) {
        return CliRunner.in(dir).run(args);
    }

    private void assertOneLineError(CliRunner.Result result, int code, String... parts) {
        assertThat(result.exitCode()).isEqualTo(code);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("Error: ").contains(parts).doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve(".kinetic/local-org"))).as("no org started").isFalse();
    }

    @Test
    void aMissingFileNamesThePathAndTheOption() {
        assertOneLineError(run("insert", "Account", "--file", "missing.csv"), ExitCodes.USAGE,
                "Input file not found", "missing.csv", "--file");
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRunner.Result result = run("insert", "Account", "--file", "missing.csv", "--debug");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Input file not found").contains("\tat dev.kinetic.cli.");
    }

    @Test
    void aDuplicateHeaderIsRejectedBeforeAnythingIsSent() throws IOException {
        Files.writeString(dir.resolve("dup.csv"), "Name,Industry,Name\nA,B,C\n");

        assertOneLineError(run("insert", "Account", "-f", "dup.csv"), ExitCodes.USAGE, "'Name' twice");
    }

    @Test
    void updateNeedsAnIdColumn() throws IOException {
        Files.writeString(dir.resolve("noid.csv"), "Name\nA\n");

        assertOneLineError(run("update", "Account", "-f", "noid.csv"), ExitCodes.USAGE, "needs a column 'Id'");
    }

    @Test
    void upsertNeedsItsExternalIdColumn() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "Name\nA\n");

        assertOneLineError(run("upsert", "Account", "-f", "a.csv", "--external-id", "External_Key__c"),
                ExitCodes.USAGE, "needs a column 'External_Key__c'");
    }

    @Test
    void aMistypedCommandOrOptionGetsTheNearestNamesSuggested() {
        CliRunner.Result command = run("insrt", "Account", "-f", "a.csv");
        assertThat(command.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(command.err()).contains("'insrt'", "Did you mean", "insert", "kinetic --help")
                .doesNotContain("\tat ");

        CliRunner.Result option = run("query", "SELECT Id FROM Account", "--fromat", "csv");
        assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.err()).contains("--fromat", "Did you mean", "--format", "kinetic query --help");
        assertThat(Files.exists(dir.resolve(".kinetic/local-org"))).as("no org started").isFalse();
    }

    @Test
    void badArgumentsAreUsageErrors() {
        CliRunner.Result missingOption = run("insert", "Account");
        assertThat(missingOption.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingOption.err()).contains("Missing required option", "--file", "kinetic insert --help");

        assertOneLineError(run("query", "SELECT Id FROM Account", "--format", "xml"), ExitCodes.USAGE,
                "Unknown --format 'xml'");
        assertOneLineError(run("job", "get", "not-a-job"), ExitCodes.USAGE, "'not-a-job' is not a job id");
        assertOneLineError(run("bench", "sideways"), ExitCodes.USAGE, "Unknown benchmark 'sideways'");
        assertOneLineError(run("query", "SELECT Id FROM Account", "--timeout", "soon"), ExitCodes.USAGE,
                "Invalid --timeout 'soon'");
    }

    @Test
    void anInstanceUrlWithoutATokenIsAnAuthError() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "Name\nA\n");

        assertOneLineError(run("insert", "Account", "-f", "a.csv", "--instance-url", "https://acme.my.salesforce.com"),
                ExitCodes.AUTH, "needs an access token", "--access-token");
    }

    @Test
    void incompleteSfVariablesNameWhatIsMissing() {
        CliRunner.Result result = new CliRunner(dir, Map.of("SF_CLIENT_ID", "abc", "SF_USERNAME", "u@x.com",
                "SF_PRIVATE_KEY_PATH", "/nonexistent/key.pem")).run("job", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(result.err()).startsWith("Error: Sign-in failed").doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve(".kinetic/local-org"))).isFalse();
    }

    @Test
    void sfVariablesWithoutAnyWayToSignInAreAnAuthError() {
        CliRunner.Result result = new CliRunner(dir, Map.of("SF_USERNAME", "u@x.com")).run("job", "list");

        assertOneLineError(result, ExitCodes.AUTH, "no way to sign in", "SF_PRIVATE_KEY_PATH");
    }
}
