package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliRunner;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.KineticCli;
import dev.kinetic.core.Sleeper;
import dev.kinetic.emulator.junit.FaultProxy;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command never reports what it cannot prove: through a proxy that cuts answers, result files and exports are
 * exact or the command exits 6 naming the job and leaves no partial file; checks fail before any job is created.
 */
class IntegrityCommandsTest {
    private static final int ROWS = 120;
    /** Tests look only at the rows of their own prefix: the org is not emptied between them. */
    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder().resetBeforeEachTest(false).build();
    private static FaultProxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(LocalOrgControl control) {
        proxy = control.faultProxy();
    }

    @AfterEach
    void clear() {
        proxy.clear();
    }

    /** Sleeps at most 5 ms whatever it is asked, so Retry-After and poll intervals do not slow tests down. */
    private static Sleeper shortSleeper() {
        return d -> Sleeper.system().sleep(d.compareTo(Duration.ofMillis(5)) > 0 ? Duration.ofMillis(5) : d);
    }

    /** Runs the command through the proxy with the admin token; the library's waits take no real time. */
    private CliRunner.Result run(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (env.isEmpty()) {
            all.addAll(List.of("--instance-url", proxy.uri().toString(), "--access-token", ORG.org().accessToken()));
        }
        all.addAll(List.of("--progress", "none"));
        CliContext context = new CliContext(env, dir, Clock.systemUTC(), false, shortSleeper());
        var cli = KineticCli.create(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    private CliRunner.Result run(String... args) {
        return run(Map.of(), args);
    }


    private Path input(String prefix) throws IOException {
        StringBuilder csv = new StringBuilder("Name,Description\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append('"').append(prefix).append(' ').append(i).append(", x\",\"two\nlines\"\n");
        }
        return Files.writeString(dir.resolve(prefix + ".csv"), csv);
    }

    private static List<String> rowNumbers(Path successFile) throws IOException {
        List<String> rows = new ArrayList<>();
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(successFile)) {
            reader.stream().skip(1).forEach(r -> rows.add(r.getField(0)));
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "chunked"})
    void aCutSuccessFileIsReadAgainAndWrittenExactly(String how) throws IOException {
        input("Cut" + how);
        FaultProxy.Rule rule = proxy.on("GET", "/successfulResults");
        if (how.equals("close")) {
            rule.cutClose(2_000);
        } else {
            rule.cutChunked(2_000);
        }
        CliRunner.Result r = run("insert", "Account", "-f", "Cut" + how + ".csv", "--results-dir", "out");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        String id = CliRunner.jobId(r.out());
        assertThat(r.out()).contains(ROWS + " succeeded, 0 failed, 0 unprocessed");
        assertThat(rowNumbers(dir.resolve("out/" + id + "-success-records.csv"))).hasSize(ROWS)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, ROWS)
                        .mapToObj(Integer::toString).toList());
    }

    @Test
    void aSuccessFileThatStaysShortExitsSixNamingTheJobAndLeavesNoFiles() throws IOException {
        input("Short");
        proxy.on("GET", "/successfulResults").times(Integer.MAX_VALUE).cutClose(1_500);

        CliRunner.Result r = run("insert", "Account", "-f", "Short.csv", "--results-dir", "out");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.NETWORK);
        String id = CliRunner.jobId(r.err());
        assertThat(r.err()).contains("of the " + ROWS + " rows of its successfulResults")
                .contains("kinetic job results " + id).doesNotContain("\tat ");
        assertThat(dir.resolve("out/" + id + "-success-records.csv")).doesNotExist();
        assertThat(dir.resolve("out/" + id + "-failed-records.csv")).doesNotExist();

        proxy.clear();
        CliRunner.Result again = run("job", "results", id, "--results-dir", "out");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(rowNumbers(dir.resolve("out/" + id + "-success-records.csv"))).hasSize(ROWS);
    }

    @Test
    void aResultFileThatCannotBeWrittenExitsNamingTheJobAndHowToFinish() throws IOException {
        Path input = input("Disk");
        Path out = dir.resolve("out");
        // When the command asks for the results, the job exists and is complete: the disk then refuses the files.
        proxy.on("GET", "/successfulResults").rewrite(body -> {
            replaceByAFile(out);
            return body;
        });

        CliRunner.Result r = run("insert", "Account", "-f", "Disk.csv", "--results-dir", "out");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.NETWORK);
        String id = CliRunner.jobId(r.err());
        assertThat(r.err()).contains("Cannot write the result files in", "Job " + id + " (last seen JobComplete)",
                "kinetic job results " + id).doesNotContain("\tat ");
        assertThat(Files.isRegularFile(out)).as("the test's file is still where the directory was").isTrue();
        try (var files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(id) && n.endsWith(".csv"));
        }

        Files.delete(out);
        proxy.clear();
        CliRunner.Result again = run("job", "results", id, "--results-dir", "out");

        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        List<List<String>> success = csv(out.resolve(id + "-success-records.csv"));
        assertThat(success.get(0)).containsExactly("row", "sf__Id", "sf__Created", "Name", "Description");
        List<List<String>> rows = success.subList(1, success.size());
        List<List<String>> inputRows = csv(input);
        assertThat(rows).hasSize(ROWS).allSatisfy(row -> assertThat(row.subList(3, 5))
                .isEqualTo(inputRows.get(Integer.parseInt(row.get(0)))));
        assertThat(rows.stream().map(row -> row.get(0)).toList()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, ROWS).mapToObj(Integer::toString).toList());
        assertThat(Files.readString(out.resolve(id + "-failed-records.csv")).lines()).hasSize(1);
        assertThat(Files.readString(out.resolve(id + "-unprocessed-records.csv")).lines()).hasSize(1);

        CliRunner.Result held = run("query", "SELECT Id, Name FROM Account WHERE Name LIKE 'Disk %'",
                "--out", "held.csv");
        assertThat(held.exitCode()).as(held.err()).isZero();
        assertThat(csv(dir.resolve("held.csv")).stream().skip(1).map(row -> row.get(0) + " " + row.get(1)))
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(row -> row.get(1) + " " + row.get(3))
                        .toList());
    }

    @Test
    void aQueryExportThatCannotBeWrittenExitsSixNamingTheJobAndHowToFinish() throws IOException {
        input("Unmovable");
        assertThat(run("insert", "Account", "-f", "Unmovable.csv").exitCode()).isZero();
        String soql = "SELECT Name, Description FROM Account WHERE Name LIKE 'Unmovable %'";
        Path out = dir.resolve("qout");
        // Once the job has run and its results are asked for, a non-empty folder takes the export's file name, so
        // the finished export cannot be moved into place (even by root).
        proxy.on("GET", "/jobs/query/[^/]+/results").rewrite(body -> {
            String id = proxy.requests().stream().filter(l -> l.matches("GET .*/jobs/query/[^/]+/results.*"))
                    .reduce((a, b) -> b).orElseThrow().replaceAll(".*/jobs/query/([^/]+)/results.*", "$1");
            try {
                Files.createDirectories(out.resolve(id + ".csv").resolve("blocker"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return body;
        });

        CliRunner.Result r = run("query", soql, "--results-dir", "qout");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.NETWORK);
        String id = CliRunner.jobId(r.err());
        assertThat(r.err()).contains("Cannot write the query results", "Query job " + id + " (last seen JobComplete)",
                "kinetic job results " + id).doesNotContain("\tat ");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }

        proxy.clear();
        Files.delete(out.resolve(id + ".csv").resolve("blocker"));
        Files.delete(out.resolve(id + ".csv"));
        CliRunner.Result again = run("job", "results", id, "--results-dir", "qout");
        CliRunner.Result clean = run("query", soql, "--out", "clean.csv");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(csv(out.resolve(id + ".csv"))).hasSize(ROWS + 1)
                .containsExactlyInAnyOrderElementsOf(csv(dir.resolve("clean.csv")));
    }

    /** Puts a regular file where the directory was, so that nothing can be created in it, even by root. */
    private static void replaceByAFile(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                try (var inside = Files.list(directory)) {
                    for (Path p : inside.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(directory);
            }
            Files.writeString(directory, "a file where the results directory was");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<List<String>> csv(Path file) throws IOException {
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(file)) {
            return reader.stream().map(r -> List.copyOf(r.getFields())).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "chunked"})
    void aCutExportIsTheExactFile(String how) throws IOException {
        input("Export" + how);
        assertThat(run("insert", "Account", "-f", "Export" + how + ".csv").exitCode()).isZero();
        String soql = "SELECT Name, Description FROM Account WHERE Name LIKE 'Export" + how + " %'";
        FaultProxy.Rule rule = proxy.on("GET", "/jobs/query/[^/]+/results");
        if (how.equals("close")) {
            rule.cutClose(700);
        } else {
            rule.cutChunked(700);
        }
        CliRunner.Result r = run("query", soql, "--out", "cut.csv");
        proxy.clear();
        CliRunner.Result clean = run("query", soql, "--out", "clean.csv");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(ROWS + " records");
        assertThat(Files.readString(dir.resolve("cut.csv"))).isEqualTo(Files.readString(dir.resolve("clean.csv")));
    }

    @Test
    void anExportThatStaysShortExitsSixAndLeavesNoFile() throws IOException {
        input("ExportShort");
        assertThat(run("insert", "Account", "-f", "ExportShort.csv").exitCode()).isZero();
        proxy.on("GET", "/jobs/query/[^/]+/results").times(Integer.MAX_VALUE).cutClose(900);

        CliRunner.Result r = run("query", "SELECT Name FROM Account WHERE Name LIKE 'ExportShort %'",
                "--out", "short.csv");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.err()).contains("kinetic job results " + CliRunner.jobId(r.err()));
        assertThat(dir.resolve("short.csv")).doesNotExist();
    }

    @Test
    void aJobGoingBackwardsExitsSixNamingItInsteadOfWaitingForever() throws IOException {
        input("Backwards");
        proxy.on("GET", "/jobs/ingest/750[0-9A-Za-z]+$").times(Integer.MAX_VALUE)
                .rewrite(body -> body.replaceAll("\"state\"\\s*:\\s*\"[A-Za-z]+\"", "\"state\":\"Open\""));

        CliRunner.Result r = run("insert", "Account", "-f", "Backwards.csv");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.NETWORK);
        String id = CliRunner.jobId(r.err());
        assertThat(r.err()).contains("went from UploadComplete back to Open", "kinetic job abort " + id);
    }

    @Test
    void anUnwritableResultsDirectoryIsAUsageErrorBeforeAnyJob() throws IOException {
        input("NoDir");
        Files.writeString(dir.resolve("occupied"), "a file, not a directory");
        long creates = proxy.count("POST", "/jobs/ingest$");

        CliRunner.Result r = run("insert", "Account", "-f", "NoDir.csv", "--results-dir", "occupied/out");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Cannot write result files in", "occupied", "Nothing was sent");
        assertThat(proxy.count("POST", "/jobs/ingest$")).isEqualTo(creates);
    }

    @Test
    void aLatin1FileIsAUsageErrorNamingTheLineUnlessItsEncodingIsGiven() throws IOException {
        Files.write(dir.resolve("latin1.csv"), "Name\nCafe plain\nLatin caf\u00e9 cr\u00e8me\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        long creates = proxy.count("POST", "/jobs/ingest$");

        CliRunner.Result refused = run("insert", "Account", "-f", "latin1.csv");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("Line 3 of", "not valid UTF-8", "--encoding");
        assertThat(proxy.count("POST", "/jobs/ingest$")).isEqualTo(creates);

        CliRunner.Result loaded = run("insert", "Account", "-f", "latin1.csv", "--encoding", "ISO-8859-1");
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        CliRunner.Result back = run("query", "SELECT Name FROM Account WHERE Name LIKE 'Latin %'", "--out", "-");
        assertThat(back.out().lines().toList()).containsExactly("\"Name\"", "\"Latin café crème\"");
    }

    @Test
    void jobWaitRemembersTheEncodingOfAnAsyncLoad() throws IOException {
        Files.write(dir.resolve("async1.csv"), "Name\nAsync caf\u00e9 1\nAsync cr\u00e8me 2\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        CliRunner.Result started = run("insert", "Account", "-f", "async1.csv", "--encoding", "ISO-8859-1",
                "--async");
        assertThat(started.exitCode()).as(started.err()).isZero();
        String id = CliRunner.jobId(started.out());

        CliRunner.Result waited = run("job", "wait", id, "--results-dir", "later");

        assertThat(waited.exitCode()).as(waited.err()).isZero();
        List<String> success = Files.readAllLines(dir.resolve("later/" + id + "-success-records.csv"));
        assertThat(success.subList(1, 3)).anySatisfy(l -> assertThat(l).startsWith("1,").endsWith(",Async café 1"))
                .anySatisfy(l -> assertThat(l).startsWith("2,").endsWith(",Async crème 2"));
    }

    @Test
    void anAccessTokenWithoutAnInstanceUrlIsRefusedInsteadOfUsingTheLocalOrg() throws IOException {
        input("TokenOnly");

        CliRunner.Result r = run(Map.of("SF_ACCESS_TOKEN", "00Dxx!secret"), "insert", "Account", "-f",
                "TokenOnly.csv");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err()).contains("SF_ACCESS_TOKEN is set but no instance URL", "SF_INSTANCE_URL")
                .doesNotContain("secret");
        assertThat(dir.resolve(".kinetic")).doesNotExist();
    }

    @Test
    void aSignInThatKeepsFailingMidJobExitsSixNamingTheJob() throws IOException {
        input("SignIn");
        Map<String, String> env = new java.util.HashMap<>();
        for (String line : ORG.credentials().envLines()) { // the JWT flow's SF_* variables
            env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        env.put("SF_LOGIN_URL", proxy.uri().toString());
        proxy.on("POST", "/services/oauth2/token").occurrence(2).times(Integer.MAX_VALUE).status(503, "0");
        proxy.on("PATCH", "/jobs/ingest/750[0-9A-Za-z]+$").rewrite(body -> {
            ORG.control().expireAccessTokens();
            return body;
        });

        CliRunner.Result r = run(env, "insert", "Account", "-f", "SignIn.csv");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.NETWORK);
        String id = CliRunner.jobId(r.err());
        assertThat(r.err()).contains("Sign-in gave up", "kinetic job results " + id);
        proxy.clear();
        CliRunner.Result finish = run(env, "job", "results", id);
        assertThat(finish.exitCode()).as(finish.err()).isZero();
        assertThat(rowNumbers(dir.resolve(id + "-success-records.csv"))).hasSize(ROWS);
    }
}
