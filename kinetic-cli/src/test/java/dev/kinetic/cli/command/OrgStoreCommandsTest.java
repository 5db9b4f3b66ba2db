package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.cli.CliRunner;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.Main;
import dev.kinetic.cli.data.AccountGenerator;
import dev.kinetic.cli.org.StoreUsage;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded disk: the demo cleans up after itself, and {@code kinetic org status|compact|reset} show and shrink the store. */
class OrgStoreCommandsTest {
    private static final String ORG = ".kinetic/local-org";

    @TempDir
    Path dir;

    @Test
    void demoLeavesNothingBehindAndTheStoreStaysBoundedOverRuns() throws IOException {
        CliRunner cli = CliRunner.in(dir);
        CliRunner.Result first = cli.run("demo", "--rows", "500", "--progress", "none");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("its records, jobs and files are removed");
        long afterOne = StoreUsage.bytes(dir.resolve(ORG));
        for (int run = 2; run <= 3; run++) {
            CliRunner.Result again = cli.run("demo", "--rows", "500", "--progress", "none");
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        }
        long afterThree = StoreUsage.bytes(dir.resolve(ORG));

        assertThat(dir.resolve(".kinetic/demo")).doesNotExist();
        assertThat(jobFolders()).as("job files left on the org").isEmpty();
        assertThat(afterThree).as("store after 3 demos (%,d bytes) against after 1 (%,d)", afterThree, afterOne)
                .isLessThan(afterOne * 3 / 2);
        CliRunner.Result status = cli.run("org", "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("Jobs: 0").contains("Size on disk: ").doesNotContain("Account ");
    }

    @Test
    void demoKeepsItsFilesWhenAsked() {
        CliRunner.Result demo = CliRunner.in(dir).run("demo", "--rows", "20", "--progress", "none", "--keep-files");

        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("files kept in " + dir.resolve(".kinetic/demo"));
        assertThat(dir.resolve(".kinetic/demo")).isNotEmptyDirectory();
    }

    @Test
    void compactionKeepsEveryRecordAndJob() throws IOException {
        CliRunner cli = loaded(2_000);
        String exportBefore = export(cli, "before.csv");
        CliRunner.Result before = cli.run("org", "status");

        CliRunner.Result compact = cli.run("org", "compact");

        assertThat(compact.exitCode()).as(compact.err()).isZero();
        assertThat(compact.out()).containsPattern("database [0-9.,]+ [KM]B -> [0-9.,]+ [KM]B in [0-9.]+ s");
        CliRunner.Result after = cli.run("org", "status");
        assertThat(counts(after)).isEqualTo(counts(before)).contains("Account 2,000")
                .contains("Jobs: 2");
        assertThat(export(cli, "after.csv")).isEqualTo(exportBefore);
    }

    @Test
    void aCompactionKilledHalfwayLeavesTheStoreWhole() throws Exception {
        CliRunner cli = loaded(20_000);
        String countsBefore = counts(cli.run("org", "status"));
        Path db = dir.resolve(ORG).resolve("db");
        Path temp = db.resolve("org.mv.db.tempFile");

        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            db.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            Process compact = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "org", "compact",
                    "--org-dir", dir.resolve(ORG).toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("compact.log").toFile()).start();
            try {
                awaitCreation(watch, temp.getFileName());
            } finally {
                compact.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            }
        }

        assertThat(temp).as("killed while copying (the rename had not happened)").exists();
        CliRunner.Result status = cli.run("org", "status");
        assertThat(counts(status)).isEqualTo(countsBefore);
        CliRunner.Result compact = cli.run("org", "compact");
        assertThat(compact.exitCode()).as(compact.err()).isZero();
        assertThat(temp).doesNotExist();
        assertThat(counts(cli.run("org", "status"))).isEqualTo(countsBefore);
    }

    @Test
    void resetNeedsConfirmationAndThenDeletesTheOrg() throws IOException {
        CliRunner cli = loaded(10);

        CliRunner.Result refused = cli.run("org", "reset");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("add --yes to confirm");
        assertThat(dir.resolve(ORG)).isDirectory();

        CliRunner.Result reset = cli.run("org", "reset", "--yes");
        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("deleted " + ORG);
        assertThat(dir.resolve(ORG)).doesNotExist();
        assertThat(cli.run("org", "status").out()).contains("No embedded local org in " + ORG);
    }

    private CliRunner loaded(int rows) throws IOException {
        AccountGenerator.write(dir.resolve("accounts.csv"), "STORE-", 1, rows);
        CliRunner cli = CliRunner.in(dir);
        CliRunner.Result insert = cli.run("insert", "Account", "--file", "accounts.csv", "--progress", "none",
                "--results-dir", "results");
        assertThat(insert.exitCode()).as(insert.out() + insert.err()).isZero();
        return cli;
    }

    private String export(CliRunner cli, String file) throws IOException {
        CliRunner.Result query = cli.run("query", "SELECT Id, Name, External_Key__c FROM Account", "--out",
                file, "--progress", "none");
        assertThat(query.exitCode()).as(query.err()).isZero();
        try (Stream<String> lines = Files.lines(dir.resolve(file))) {
            return String.join("\n", lines.sorted().toList());
        }
    }

    private static String counts(CliRunner.Result status) {
        assertThat(status.exitCode()).as(status.err()).isZero();
        return String.join("\n", status.out().lines().filter(l -> l.startsWith("Records") || l.startsWith("Jobs"))
                .toList());
    }

    private List<Path> jobFolders() throws IOException {
        Path spool = dir.resolve(ORG).resolve("spool");
        try (Stream<Path> s = Files.list(spool)) {
            return s.toList();
        }
    }

    // Waits (at most 2 minutes) for H2 to create the compacted copy beside the store.
    private static void awaitCreation(WatchService watch, Path name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (key == null) {
                break;
            }
            boolean created = key.pollEvents().stream().anyMatch(e -> name.equals(e.context()));
            key.reset();
            if (created) {
                return;
            }
        }
        throw new AssertionError("the compaction never created " + name);
    }
}
