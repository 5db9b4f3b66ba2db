package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file-backed org keeps its data directory private to its owner on POSIX file systems: every folder mode 700 and
 * every file (database, spool, uploads, result files, private key, env file) mode 600, over raw HTTP jobs.
 */
class DataDirectoryModesTest {
    @TempDir
    Path dir;

    @Test
    void everyFileIsMode600AndEveryFolder700AfterIngestAndQueryJobs() throws Exception {
        try (BulkServer s = BulkServer.of(LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build()))) {
            JsonNode ok = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}",
                    "Name,NumberOfEmployees\nPrivate One,1\n,2\n");
            String ingest = ok.get("id").asText();
            assertThat(ok.get("numberRecordsFailed").asInt()).isEqualTo(1);
            for (String kind : List.of("successfulResults", "failedResults", "unprocessedrecords")) {
                s.text(BulkServer.V + "/jobs/ingest/" + ingest + "/" + kind);
            }
            String aborted = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
            s.upload(aborted, "Name\nNever Loaded\n");
            HttpResponse<String> abort = s.send("PATCH", BulkServer.V + "/jobs/ingest/" + aborted,
                    "{\"state\":\"Aborted\"}");
            assertThat(abort.statusCode()).as(abort.body()).isEqualTo(200);
            HttpResponse<String> q = s.send("POST", BulkServer.V + "/jobs/query",
                    "{\"operation\":\"query\",\"query\":\"SELECT Id, Name FROM Account\"}");
            assertThat(q.statusCode()).as(q.body()).isEqualTo(200);
            String query = s.json(q).get("id").asText();
            s.await("query", query, "JobComplete");
            assertThat(s.text(BulkServer.V + "/jobs/query/" + query + "/results")).contains("Private One");

            List<Path> spooled = files(dir.resolve("spool"));
            assertThat(spooled).as("result and upload files were written").hasSizeGreaterThanOrEqualTo(5);
            assertPrivate(dir);
        }
        assertPrivate(dir);
        assertThat(files(dir)).extracting(p -> dir.relativize(p).toString())
                .contains("local-org.env", "local-org-private-key.pem");
    }

    @Test
    void anOlderStoreLeftReadableIsNarrowedWhenItOpens() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            assertThat(org.port()).isPositive();
        }
        Path stray = Files.writeString(dir.resolve("spool").resolve("left-by-an-older-version.csv"), "Name\n");
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        assertThat(mode(stray)).isEqualTo("rw-r--r--");
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            assertPrivate(dir);
        }
    }

    @Test
    void filesOfTheUserBesideTheOrgsOwnAreLeftAlone() throws Exception {
        Path script = Files.writeString(dir.resolve("load.sh"), "echo hi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            assertThat(mode(dir)).isEqualTo("rwx------");
            assertThat(mode(script)).isEqualTo("rwxr-xr-x");
            assertThat(mode(notes)).isEqualTo("rwxr-xr-x");
            for (String own : List.of("db", "spool", "local-org.env", "local-org-private-key.pem")) {
                assertPrivate(dir.resolve(own));
            }
        }
    }

    private static void assertPrivate(Path root) throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                String expected = folder ? "rwx------" : "rw-------";
                if (!mode(p).equals(expected)) {
                    wrong.add(root.relativize(p) + " is " + mode(p));
                }
            }
        }
        assertThat(wrong).as("paths not private to the owner").isEmpty();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
