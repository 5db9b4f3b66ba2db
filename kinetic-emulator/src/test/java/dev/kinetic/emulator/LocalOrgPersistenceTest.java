package dev.kinetic.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalOrgPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void credentialsTokensAndRecordsSurviveARestart() throws Exception {
        LocalOrgCredentials first;
        String token;
        String accountId;
        String keyPem;
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            first = org.credentials();
            LocalOrgHttp http = LocalOrgHttp.of(org);
            token = org.accessToken();
            accountId = LocalOrgHttp.parse(http.json("POST", "/__emulator/records/Account",
                    "[{\"Name\":\"Durable\"}]")).path("ids").get(0).asText();
            keyPem = Files.readString(first.privateKeyPath());
            assertThat(first.privateKeyPath()).isEqualTo(dir.resolve("local-org-private-key.pem").toAbsolutePath());
            assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(first.envFile()).contains(dir.resolve("local-org.env").toAbsolutePath());
            List<String> env = Files.readAllLines(dir.resolve("local-org.env"));
            assertThat(env).containsAll(first.envLines());
            assertThat(first.envLines()).containsExactly("SF_CLIENT_ID=" + first.clientId(),
                    "SF_USERNAME=admin@kinetic.local", "SF_PRIVATE_KEY_PATH=" + first.privateKeyPath(),
                    "SF_LOGIN_URL=" + org.baseUri());
            assertThat(env).contains("SF_PASSWORD=" + first.password(),
                    "SF_SECURITY_TOKEN=" + first.securityToken(), "SF_CLIENT_SECRET=" + first.clientSecret());
        }
        try (LocalOrg again = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            LocalOrgCredentials second = again.credentials();
            assertThat(second.clientId()).isEqualTo(first.clientId());
            assertThat(second.clientSecret()).isEqualTo(first.clientSecret());
            assertThat(second.password()).isEqualTo(first.password());
            assertThat(second.securityToken()).isEqualTo(first.securityToken());
            assertThat(second.privateKeyPath()).isEqualTo(first.privateKeyPath());
            assertThat(Files.readString(second.privateKeyPath())).isEqualTo(keyPem);
            assertThat(Files.readAllLines(dir.resolve("local-org.env"))).containsAll(second.envLines());
            LocalOrgHttp http = LocalOrgHttp.of(again);
            HttpResponse<String> account = http.get("/services/data/v62.0/sobjects/Account/" + accountId, token);
            assertThat(account.statusCode()).as(account.body()).isEqualTo(200);
            assertThat(LocalOrgHttp.parse(account).path("Name").asText()).isEqualTo("Durable");
            String jwt = LocalOrgHttp.jwt(second.privateKeyPath(), java.util.Map.of("iss", second.clientId(),
                    "sub", second.username(), "aud", "https://login.salesforce.com",
                    "exp", System.currentTimeMillis() / 1000 + 60));
            HttpResponse<String> grant = http.postForm("/services/oauth2/token", java.util.Map.of("grant_type",
                    "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", jwt));
            assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        }
    }

    @Test
    void aDeletedKeyFileIsReplacedByANewRegisteredKey() throws Exception {
        String oldPem;
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            oldPem = Files.readString(org.credentials().privateKeyPath());
            Files.delete(org.credentials().privateKeyPath());
        }
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            LocalOrgCredentials c = org.credentials();
            assertThat(Files.readString(c.privateKeyPath())).isNotEqualTo(oldPem);
            String jwt = LocalOrgHttp.jwt(c.privateKeyPath(), java.util.Map.of("iss", c.clientId(),
                    "sub", c.username(), "aud", org.baseUri().toString(),
                    "exp", System.currentTimeMillis() / 1000 + 60));
            HttpResponse<String> grant = LocalOrgHttp.of(org).postForm("/services/oauth2/token",
                    java.util.Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", jwt));
            assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        }
    }

    @Test
    void aRemovedAdminUserRecordIsRestoredOnRestart() throws Exception {
        String adminId;
        LocalOrgCredentials before;
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            adminId = org.adminUserId();
            before = org.credentials();
            try (java.sql.Connection c = org.context().database().connection();
                 java.sql.Statement s = c.createStatement()) {
                s.execute("DELETE FROM \"SOBJ_USER\"");
            }
        }
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).build())) {
            assertThat(org.adminUserId()).isEqualTo(adminId);
            assertThat(org.credentials().clientId()).isEqualTo(before.clientId());
            HttpResponse<String> user = LocalOrgHttp.of(org)
                    .get("/services/data/v62.0/sobjects/User/" + adminId, org.accessToken());
            assertThat(user.statusCode()).isEqualTo(200);
            assertThat(LocalOrgHttp.parse(user).path("Username").asText()).isEqualTo("admin@kinetic.local");
        }
    }

    @Test
    void inMemoryOrgKeepsItsKeyAndEnvFileInATemporaryDirectoryRemovedOnClose() {
        Path key;
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.defaults())) {
            LocalOrgCredentials c = org.credentials();
            key = c.privateKeyPath();
            assertThat(c.envFile()).contains(key.resolveSibling("local-org.env"));
            assertThat(key).exists();
            assertThat(c.loginUrl()).isEqualTo(org.baseUri());
        }
        assertThat(key).doesNotExist();
    }

    @Test
    void credentialsToStringRedactsSecrets() {
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.defaults())) {
            LocalOrgCredentials c = org.credentials();
            assertThat(c.toString()).contains(c.clientId()).contains(c.username())
                    .doesNotContain(c.clientSecret()).doesNotContain(c.password()).doesNotContain(c.controlSecret())
                    .doesNotContain(c.securityToken()).contains("(redacted)");
        }
    }
}
