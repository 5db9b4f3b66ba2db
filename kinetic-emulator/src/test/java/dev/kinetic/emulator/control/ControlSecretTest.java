package dev.kinetic.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgHttp;
import dev.kinetic.emulator.db.SqlNames;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control plane under /__emulator/ opens only with the org's control secret, over raw HTTP. */
class ControlSecretTest {
    private static final String HEADER = "X-Kinetic-Control-Secret";

    /** Every control route, with a body it accepts. */
    private static final List<String[]> ROUTES = List.of(
            new String[] {"POST", "/__emulator/reset", ""},
            new String[] {"POST", "/__emulator/records/Account", "[{\"Name\":\"Locked\"}]"},
            new String[] {"PUT", "/__emulator/progression", "{\"mode\":\"immediate\"}"},
            new String[] {"PUT", "/__emulator/tokens", "{\"ttlSeconds\":600}"},
            new String[] {"POST", "/__emulator/tokens/expire", ""},
            new String[] {"POST", "/__emulator/refresh-tokens", "{}"},
            new String[] {"POST", "/__emulator/faults", "{\"pathRegex\":\"/nowhere\",\"status\":503}"},
            new String[] {"GET", "/__emulator/faults", null},
            new String[] {"DELETE", "/__emulator/faults/fault-1", null},
            new String[] {"DELETE", "/__emulator/faults", null});

    private static LocalOrg org;
    private static LocalOrgHttp http;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        org = LocalOrg.start(LocalOrgConfig.defaults());
        http = LocalOrgHttp.of(org);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    private static HttpResponse<String> call(String[] route, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(route[1])).header("Content-Type", "application/json")
                .method(route[0], route[2] == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(route[2]));
        headers.forEach(b::header);
        return http.send(b.build());
    }

    private static void assertRefused(HttpResponse<String> r, String messagePart) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        JsonNode error = LocalOrgHttp.parse(r).get(0);
        assertThat(error.path("errorCode").asText()).isEqualTo("INVALID_CONTROL_SECRET");
        assertThat(error.path("message").asText()).contains(HEADER).contains(messagePart);
    }

    @Test
    void everyControlRouteWithoutTheSecretAnswers401NamingTheHeaderAndWhereTheSecretIs() {
        String envFile = org.credentials().envFile().orElseThrow().toString();
        long accounts = accounts();
        for (String[] route : ROUTES) {
            HttpResponse<String> r = call(route, Map.of());
            assertRefused(r, envFile);
            assertThat(LocalOrgHttp.parse(r).get(0).path("message").asText()).contains("KINETIC_CONTROL_SECRET");
        }
        assertThat(accounts()).as("nothing behind the refusals ran: no record was seeded").isEqualTo(accounts);
    }

    private static long accounts() {
        try (Connection c = org.context().database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + SqlNames.table("Account"))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWrongSecretIsRefusedOnEveryRouteWithoutEchoingIt() {
        String wrong = org.controlSecret().substring(1) + "x";
        for (String[] route : ROUTES) {
            HttpResponse<String> r = call(route, Map.of(HEADER, wrong));
            assertRefused(r, "does not match");
            assertThat(r.body()).doesNotContain(wrong).doesNotContain(org.controlSecret());
        }
        assertRefused(call(ROUTES.get(0), Map.of(HEADER, org.controlSecret() + "x")), "does not match");
    }

    @Test
    void theAdminsAccessTokenIsNoSubstituteForTheSecret() {
        String token = org.accessToken();
        for (String[] route : ROUTES) {
            assertRefused(call(route, Map.of("Authorization", "Bearer " + token)), "An access token does not");
        }
    }

    @Test
    void theRightSecretOpensEveryRoute() {
        for (String[] route : ROUTES) {
            HttpResponse<String> r = call(route, Map.of(HEADER, org.controlSecret()));
            // Deleting fault-1 answers 204 or, when no rule has that id, the handler's own 404: either way it ran.
            boolean ruleDelete = route[1].equals("/__emulator/faults/fault-1");
            assertThat(r.statusCode()).as(route[0] + " " + route[1] + ": " + r.body())
                    .isIn(ruleDelete ? new Integer[] {204, 404} : new Integer[] {200, 201, 204});
            if (r.statusCode() == 404) {
                assertThat(LocalOrgHttp.parse(r).get(0).path("message").asText()).contains("No fault rule");
            }
        }
    }

    @Test
    void refreshTokensAreNotHandedOutWithoutTheSecretEvenForThePublicClientId() {
        String body = "{\"username\":\"admin@kinetic.local\",\"clientId\":\"" + org.credentials().clientId() + "\"}";
        HttpResponse<String> refused = call(new String[] {"POST", "/__emulator/refresh-tokens", body}, Map.of());
        assertRefused(refused, "KINETIC_CONTROL_SECRET");
        assertThat(refused.body()).doesNotContain("refresh_token").doesNotContain("5Aep");

        HttpResponse<String> minted = call(new String[] {"POST", "/__emulator/refresh-tokens", body},
                Map.of(HEADER, org.controlSecret()));
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        assertThat(LocalOrgHttp.parse(minted).path("refresh_token").asText()).isNotBlank();
    }

    @Test
    void aFileBackedOrgKeepsItsSecretInTheMode600EnvFileAcrossRestarts() throws Exception {
        String first;
        try (LocalOrg a = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            first = a.controlSecret();
            assertThat(first).isNotEqualTo(org.controlSecret()).hasSizeGreaterThanOrEqualTo(43);
            Path env = dir.resolve("local-org.env");
            assertThat(Files.readAllLines(env)).contains("KINETIC_CONTROL_SECRET=" + first);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
            assertThat(a.credentials().toString()).doesNotContain(first);
        }
        try (LocalOrg b = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            assertThat(b.controlSecret()).isEqualTo(first);
            HttpResponse<String> ok = LocalOrgHttp.of(b).json("POST", "/__emulator/reset", "");
            assertThat(ok.statusCode()).isEqualTo(204);
        }
    }

    @Test
    void aLostEnvFileGivesANewSecretAndTheOldOneNoLongerOpens() throws Exception {
        String first;
        try (LocalOrg a = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            first = a.controlSecret();
        }
        Files.delete(dir.resolve("local-org.env"));
        try (LocalOrg b = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            assertThat(b.controlSecret()).isNotEqualTo(first);
            LocalOrgHttp raw = LocalOrgHttp.of(b);
            HttpResponse<String> old = raw.send(HttpRequest.newBuilder(raw.uri("/__emulator/reset"))
                    .header(HEADER, first).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertRefused(old, "does not match");
        }
    }

    @Test
    void aMalformedSecretInTheEnvFileIsReplacedByANewOne() throws Exception {
        try (LocalOrg a = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            assertThat(a.controlSecret()).isNotEmpty();
        }
        Path env = dir.resolve("local-org.env");
        Files.writeString(env, Files.readString(env)
                .replaceAll("KINETIC_CONTROL_SECRET=.*", "KINETIC_CONTROL_SECRET=x"));
        try (LocalOrg b = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            assertThat(b.controlSecret()).isNotEqualTo("x").hasSizeGreaterThanOrEqualTo(43);
            assertThat(Files.readAllLines(env)).contains("KINETIC_CONTROL_SECRET=" + b.controlSecret());
            assertThat(LocalOrgHttp.of(b).json("POST", "/__emulator/reset", "").statusCode()).isEqualTo(204);
        }
    }

    @Test
    void anInMemoryOrgHandsItsSecretOutInAPrivateEnvFileDeletedOnClose() throws Exception {
        Path env;
        try (LocalOrg memory = LocalOrg.start(LocalOrgConfig.defaults())) {
            env = memory.credentials().envFile().orElseThrow();
            assertThat(Files.readAllLines(env)).contains("KINETIC_CONTROL_SECRET=" + memory.controlSecret());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env.getParent())))
                    .isEqualTo("rwx------");
        }
        assertThat(env).doesNotExist();
    }
}
