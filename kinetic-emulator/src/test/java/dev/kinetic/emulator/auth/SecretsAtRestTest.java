package dev.kinetic.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgCredentials;
import dev.kinetic.emulator.LocalOrgHttp;
import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.schema.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client secret, password and security token are stored as salted hashes, and every grant still signs in. */
class SecretsAtRestTest {
    @TempDir
    Path dir;

    private LocalOrg start() {
        return LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build());
    }

    // Starts the org on the data directory and stops it again; returns what it handed out.
    private LocalOrgCredentials credentialsOfOneRun() {
        try (LocalOrg org = start()) {
            return org.credentials();
        }
    }

    @Test
    void hashesAreSaltedAndMatchOnlyTheirSecret() {
        String a = SecretHash.of("s3cret-value");
        String b = SecretHash.of("s3cret-value");
        assertThat(a).startsWith("pbkdf2-sha256$").isNotEqualTo(b).doesNotContain("s3cret-value");
        assertThat(SecretHash.matches(a, "s3cret-value")).isTrue();
        assertThat(SecretHash.matches(b, "s3cret-value")).isTrue();
        assertThat(SecretHash.matches(a, "s3cret-valuf")).isFalse();
        assertThat(SecretHash.matches(a, "")).isFalse();
        assertThat(SecretHash.matches(a, null)).isFalse();
        assertThat(SecretHash.matches("s3cret-value", "s3cret-value")).as("plain text is not a hash").isFalse();
        assertThat(SecretHash.matches("pbkdf2-sha256$x$y$z", "s3cret-value")).isFalse();
    }

    @Test
    void theDatabaseFilesHoldNoPlainClientSecretPasswordOrSecurityToken() throws Exception {
        LocalOrgCredentials c;
        String marker = "PlainMarker" + System.nanoTime();
        try (LocalOrg org = start()) {
            c = org.credentials();
            HttpResponse<String> seeded = LocalOrgHttp.of(org).json("POST", "/__emulator/records/Account",
                    "[{\"Name\":\"" + marker + "\"}]");
            assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
            assertThat(storedSecrets(org)).allSatisfy(v -> assertThat(v).startsWith("pbkdf2-sha256$"));
        }
        String bytes = databaseBytes();
        assertThat(bytes).as("the scan sees plain text that is stored").contains(marker);
        assertThat(bytes).doesNotContain(c.clientSecret()).doesNotContain(c.password())
                .doesNotContain(c.securityToken()).doesNotContain(c.password() + c.securityToken());
    }

    @Test
    void everyGrantSignsInWithTheHashedSecretsBeforeAndAfterARestart() {
        LocalOrgCredentials first;
        try (LocalOrg org = start()) {
            first = org.credentials();
            assertEveryGrantWorks(org);
        }
        try (LocalOrg org = start()) {
            assertThat(org.credentials().clientSecret()).isEqualTo(first.clientSecret());
            assertThat(org.credentials().password()).isEqualTo(first.password());
            assertThat(org.credentials().securityToken()).isEqualTo(first.securityToken());
            assertEveryGrantWorks(org);
        }
    }

    @Test
    void anInMemoryOrgSignsInThroughEveryGrantToo() {
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.defaults())) {
            assertEveryGrantWorks(org);
        }
    }

    @Test
    void aStoreWithPlainTextSecretsIsMigratedToHashesOnOpen() throws Exception {
        try (LocalOrg org = start()) {
            assertThat(org.credentials().clientSecret()).isNotEqualTo("LEGACYSECRET");
        }
        String legacySecret = "LEGACYSECRET0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEF";
        String legacyPassword = "KcLegacyPass1234";
        String legacyToken = "LegacyToken0123456789abc";
        try (Database db = Database.inDirectory(dir, Schema.defaultOrg());
             Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE KINETIC_CONNECTED_APP SET CLIENT_SECRET = '" + legacySecret + "'");
            s.executeUpdate("UPDATE KINETIC_USER_PASSWORD SET PASSWORD = '" + legacyPassword
                    + "', SECURITY_TOKEN = '" + legacyToken + "'");
        }
        Files.delete(dir.resolve("local-org.env")); // the plain values survive in the old store alone
        try (LocalOrg org = start()) {
            LocalOrgCredentials c = org.credentials();
            assertThat(c.clientSecret()).isEqualTo(legacySecret);
            assertThat(c.password()).isEqualTo(legacyPassword);
            assertThat(c.securityToken()).isEqualTo(legacyToken);
            assertThat(storedSecrets(org)).allSatisfy(v -> assertThat(v).startsWith("pbkdf2-sha256$"));
            assertThat(Files.readAllLines(dir.resolve("local-org.env"))).contains("SF_CLIENT_SECRET=" + legacySecret,
                    "SF_PASSWORD=" + legacyPassword, "SF_SECURITY_TOKEN=" + legacyToken);
            assertEveryGrantWorks(org);
        }
    }

    @Test
    void aLostEnvFileReplacesTheSecretsThatOnlyItsHashesRemember() throws Exception {
        LocalOrgCredentials before = credentialsOfOneRun();
        Files.delete(dir.resolve("local-org.env"));
        try (LocalOrg org = start()) {
            LocalOrgCredentials after = org.credentials();
            assertThat(after.clientId()).isEqualTo(before.clientId());
            assertThat(after.clientSecret()).isNotEqualTo(before.clientSecret());
            assertThat(after.password()).isNotEqualTo(before.password());
            assertThat(after.securityToken()).isNotEqualTo(before.securityToken()).hasSize(24);
            assertEveryGrantWorks(org);
            LocalOrgHttp http = LocalOrgHttp.of(org);
            assertRefused(http.postForm("/services/oauth2/token", Map.of("grant_type", "password",
                    "client_id", after.clientId(), "client_secret", after.clientSecret(),
                    "username", after.username(), "password", before.password() + before.securityToken())));
            assertRefused(http.postForm("/services/oauth2/token", Map.of("grant_type", "client_credentials",
                    "client_id", after.clientId(), "client_secret", before.clientSecret())));
        }
    }

    @Test
    void aCrashWhileTheEnvFileWasRewrittenLeavesTheOldSecretsInForce() throws Exception {
        LocalOrgCredentials before = credentialsOfOneRun();
        // The process died after writing part of the temporary file, before the rename.
        Files.writeString(dir.resolve("local-org.env.tmp"), "SF_CLIENT_SECRET=half-writ");
        try (LocalOrg org = start()) {
            LocalOrgCredentials after = org.credentials();
            assertThat(after.clientSecret()).isEqualTo(before.clientSecret());
            assertThat(after.password()).isEqualTo(before.password());
            assertThat(after.securityToken()).isEqualTo(before.securityToken());
            assertThat(after.controlSecret()).isEqualTo(before.controlSecret());
            assertThat(dir.resolve("local-org.env.tmp")).doesNotExist();
            assertEveryGrantWorks(org);
        }
    }

    @Test
    void anEnvFileWhoseValuesNoLongerMatchTheHashesGetsNewWorkingValues() throws Exception {
        // As after a crash between storing a replaced secret's hash and renaming the new env file into place.
        LocalOrgCredentials before = credentialsOfOneRun();
        Path env = dir.resolve("local-org.env");
        Files.writeString(env, Files.readString(env).replace("SF_PASSWORD=" + before.password(),
                "SF_PASSWORD=KcStaleValue0000"));
        try (LocalOrg org = start()) {
            LocalOrgCredentials after = org.credentials();
            assertThat(after.password()).isNotEqualTo(before.password()).isNotEqualTo("KcStaleValue0000");
            assertThat(after.clientSecret()).isEqualTo(before.clientSecret());
            assertThat(Files.readAllLines(env)).contains("SF_PASSWORD=" + after.password());
            assertEveryGrantWorks(org);
        }
    }

    private static void assertEveryGrantWorks(LocalOrg org) {
        LocalOrgCredentials c = org.credentials();
        LocalOrgHttp http = LocalOrgHttp.of(org);
        assertSignedIn(org, http.postForm("/services/oauth2/token", Map.of("grant_type", "password",
                "client_id", c.clientId(), "client_secret", c.clientSecret(), "username", c.username(),
                "password", c.password() + c.securityToken())));
        assertSignedIn(org, http.postForm("/services/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", c.clientId(), "client_secret", c.clientSecret())));
        String basic = Base64.getEncoder().encodeToString((c.clientId() + ":" + c.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        assertSignedIn(org, http.send(http.formRequest("/services/oauth2/token",
                Map.of("grant_type", "client_credentials")).header("Authorization", "Basic " + basic).build()));
        String refresh = LocalOrgHttp.parse(http.json("POST", "/__emulator/refresh-tokens", "{}"))
                .path("refresh_token").asText();
        assertSignedIn(org, http.postForm("/services/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refresh, "client_id", c.clientId(), "client_secret", c.clientSecret())));
        String jwt = LocalOrgHttp.jwt(c.privateKeyPath(), Map.of("iss", c.clientId(), "sub", c.username(),
                "aud", org.baseUri().toString(), "exp", System.currentTimeMillis() / 1000 + 60));
        assertSignedIn(org, http.postForm("/services/oauth2/token", Map.of("grant_type",
                "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", jwt)));

        assertRefused(http.postForm("/services/oauth2/token", Map.of("grant_type", "password",
                "client_id", c.clientId(), "client_secret", c.clientSecret(), "username", c.username(),
                "password", c.password())));
        assertRefused(http.postForm("/services/oauth2/token", Map.of("grant_type", "password",
                "client_id", c.clientId(), "client_secret", c.clientSecret(), "username", c.username(),
                "password", c.password() + otherFirstCharacter(c.securityToken()))));
        assertRefused(http.postForm("/services/oauth2/token", Map.of("grant_type", "password",
                "client_id", c.clientId(), "client_secret", c.clientSecret() + "x", "username", c.username(),
                "password", c.password() + c.securityToken())));
        assertRefused(http.postForm("/services/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refresh, "client_id", c.clientId(), "client_secret", "wrong")));
    }

    private static void assertSignedIn(LocalOrg org, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String token = LocalOrgHttp.parse(r).path("access_token").asText();
        HttpResponse<String> limits = LocalOrgHttp.of(org).get("/services/data/v62.0/limits", token);
        assertThat(limits.statusCode()).as(limits.body()).isEqualTo(200);
    }

    private static void assertRefused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = LocalOrgHttp.parse(r);
        assertThat(body.path("error").asText()).isIn("invalid_grant", "invalid_client");
        assertThat(body.has("access_token")).isFalse();
    }

    private static List<String> storedSecrets(LocalOrg org) throws SQLException {
        try (Connection c = org.context().database().connection(); Statement s = c.createStatement();
             ResultSet app = s.executeQuery("SELECT CLIENT_SECRET FROM KINETIC_CONNECTED_APP")) {
            app.next();
            String secret = app.getString(1);
            try (ResultSet pw = s.executeQuery("SELECT PASSWORD, SECURITY_TOKEN FROM KINETIC_USER_PASSWORD")) {
                pw.next();
                return List.of(secret, pw.getString(1), pw.getString(2));
            }
        }
    }

    // Every byte of every file under the database folder, as ISO-8859-1 text (one char per byte).
    private String databaseBytes() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(dir.resolve("db"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(f));
            }
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    // The token with its first character changed, whatever that character is (a fixed "x" was the token itself
    // whenever the random token began with x).
    private static String otherFirstCharacter(String token) {
        return (token.charAt(0) == 'x' ? "y" : "x") + token.substring(1);
    }
}
