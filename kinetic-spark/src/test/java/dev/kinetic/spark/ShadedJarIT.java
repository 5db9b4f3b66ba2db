package dev.kinetic.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.emulator.LocalOrgCredentials;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import dev.kinetic.spark.fork.ShadedJarMain;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as {@code --jars} users get it: a forked JVM whose class path is Spark's runtime jars (the test
 * class path without this module's classes, kinetic-core, FastCSV, the local org and the test libraries) plus
 * {@code kinetic-spark-…-shaded.jar}, finds the data source by its short name through {@code META-INF/services},
 * writes and reads a local org started in this JVM, and sees no unrelocated copy of the library or FastCSV.
 */
class ShadedJarIT {
    private static final int ROWS = 1_000;
    /**
     * Class path entries that are not Spark's: this project's modules (kinetic-core among them, in the reactor or in
     * the local repository), FastCSV, the local org's stack and the test tools.
     */
    private static final List<String> NOT_SPARK = List.of("/kinetic-", "/de/siegmar/", "/org/eclipse/jetty/",
            "/com/h2database/", "/io/github/apex-dev-tools/", "/com/nimbusds/", "/com/github/stephenc/jcip/",
            "/org/slf4j/slf4j-nop/", "/org/junit/", "/org/opentest4j/", "/org/apiguardian/", "/org/assertj/",
            "/net/bytebuddy/");

    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder().build();

    @TempDir
    Path tmp;

    @Test
    void theShadedJarAloneBesideSparkWritesAndReadsByTheShortName(SalesforceClient client) throws Exception {
        Path shaded = Path.of(System.getProperty("kinetic.spark.shadedJar", "target/missing-shaded.jar"));
        assertThat(shaded).as("the shaded jar (mvn package makes it)").isRegularFile();
        List<String> spark = sparkClassPath();
        assertThat(spark).anyMatch(e -> e.contains("spark-sql_")).noneMatch(e -> e.contains("kinetic"));

        List<String> cp = new ArrayList<>(spark);
        cp.add(shaded.toString());
        cp.add(mainClasses().toString());
        LocalOrgCredentials c = ORG.credentials();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(Arrays.asList(System.getProperty("kinetic.spark.argLine", "").trim().split("\\s+")));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")); // a short run: start-up dominates
        command.addAll(List.of("-cp", String.join(File.pathSeparator, cp), ShadedJarMain.class.getName(),
                c.loginUrl().toString(), c.clientId(), c.username(), c.privateKeyPath().toString(),
                tmp.resolve("cp").toString(), Integer.toString(ROWS)));
        Path out = tmp.resolve("fork.log");
        Process fork = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!fork.waitFor(120, TimeUnit.SECONDS)) {
            fork.destroyForcibly();
            throw new AssertionError("the forked Spark did not finish within 120 s; its output: " + tail(out));
        }
        assertThat(fork.exitValue()).as(tail(out)).isZero();
        Map<String, String> said = said(out);

        assertThat(said).containsEntry("read", Integer.toString(ROWS)).containsEntry("distinct",
                Integer.toString(ROWS));
        assertThat(said.get("dataSource")).isEqualTo(shaded.toAbsolutePath().toString());
        assertThat(said.get("shadedLibrary")).isEqualTo(shaded.toAbsolutePath().toString());
        assertThat(said.get("shadedJackson")).isEqualTo(shaded.toAbsolutePath().toString());
        assertThat(said.get("sparkJackson")).contains("jackson-databind").doesNotContain("kinetic");
        assertThat(said).containsEntry("plainLibrary", "absent").containsEntry("plainFastCsv", "absent");
        assertThat(client.bulk().query("SELECT Name FROM Account").recordCount()).isEqualTo(ROWS);
    }

    /** The test class path minus what is not Spark's. */
    private static List<String> sparkClassPath() {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(all.split(File.pathSeparator)).filter(e -> !e.isBlank())
                .filter(e -> NOT_SPARK.stream().noneMatch(n -> e.replace(File.separatorChar, '/').contains(n)))
                .toList();
    }

    /** A folder with only the forked program's classes. */
    private Path mainClasses() throws IOException, URISyntaxException {
        Path from = Path.of(ShadedJarMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(ShadedJarMain.class.getPackageName().replace('.', '/'));
        Path root = tmp.resolve("main-classes");
        Path to = Files.createDirectories(root.resolve(ShadedJarMain.class.getPackageName().replace('.', '/')));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("ShadedJarMain")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return root;
    }

    private static Map<String, String> said(Path out) throws IOException {
        Map<String, String> said = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[a-zA-Z]+")) {
                said.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return said;
    }

    private static String tail(Path out) throws IOException {
        List<String> lines = Files.exists(out) ? Files.readAllLines(out) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
