package dev.kinetic.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five authenticators against a local org's OAuth token endpoint. */
@LocalOrgTest
class AuthenticatorsIT {
    private LocalOrg org;
    private LocalOrgControl control;

    @TempDir
    Path tmp;

    @BeforeEach
    void start(LocalOrg org, LocalOrgControl control) {
        this.org = org;
        this.control = control;
    }

    @Test
    void jwtFromEnvWithKeyPathLogsIn() {
        SalesforceSession s = JwtAuthenticator.fromEnv(ItOrg.jwtEnv(org.credentials())).authenticate();
        assertThat(s.instanceUrl().toString()).isEqualTo(org.baseUri().toString());
        assertThat(s.accessToken()).isNotBlank();
        assertThat(s.apiVersion()).isEqualTo("v62.0");
        assertThat(s.toString()).doesNotContain(s.accessToken());
    }

    @Test
    void jwtWithInlinePkcs8KeyLogsIn() throws Exception {
        String pem = Files.readString(org.credentials().privateKeyPath());
        Map<String, String> env = new HashMap<>(ItOrg.jwtEnv(org.credentials()));
        env.remove("SF_PRIVATE_KEY_PATH");
        env.put("SF_PRIVATE_KEY", pem);
        env.put("SF_API_VERSION", "60.0");
        JwtAuthenticator auth = JwtAuthenticator.fromEnv(env);
        assertThat(auth.authenticate().apiVersion()).isEqualTo("v60.0");
        assertThat(auth.toString()).doesNotContain("PRIVATE KEY").contains("inline, hidden");
    }

    @Test
    void jwtWithPkcs1KeyFileLogsIn() throws Exception {
        String pem = Files.readString(org.credentials().privateKeyPath());
        byte[] pkcs8 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        byte[] pkcs1 = Pkcs8.innerKey(pkcs8);
        Path file = tmp.resolve("rsa.pem");
        Files.writeString(file, "-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n");
        JwtAuthenticator auth = JwtAuthenticator.builder().clientId(org.credentials().clientId())
                .username(org.credentials().username()).privateKeyPath(file)
                .loginUrl(org.credentials().loginUrl().toString()).build();
        assertThat(auth.authenticate().accessToken()).isNotBlank();
    }

    @Test
    void jwtFromEnvNamesEveryMissingVariable() {
        assertThatThrownBy(() -> JwtAuthenticator.fromEnv(Map.of("SF_USERNAME", "someone")))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("SF_CLIENT_ID")
                .hasMessageContaining("SF_PRIVATE_KEY_PATH (or SF_PRIVATE_KEY)")
                .hasMessageNotContaining("SF_USERNAME");
    }

    @Test
    void jwtForUnknownUserShowsSalesforceErrorAndDescription() {
        Map<String, String> env = new HashMap<>(ItOrg.jwtEnv(org.credentials()));
        env.put("SF_USERNAME", "nobody@example.com");
        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> JwtAuthenticator.fromEnv(env).authenticate());
        assertThat(e.errorCode()).isEqualTo("invalid_grant");
        assertThat(e.errorDescription()).isNotBlank();
        assertThat(e.getMessage()).contains("invalid_grant").contains(e.errorDescription());
    }

    @Test
    void jwtWithGarbageKeySaysSoWithoutShowingIt() {
        JwtAuthenticator auth = JwtAuthenticator.builder().clientId("c").username("u")
                .privateKey("-----BEGIN PRIVATE KEY-----\nTOPSECRETxx\n-----END PRIVATE KEY-----").build();
        assertThatThrownBy(auth::authenticate).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("cannot be decoded").hasMessageNotContaining("TOPSECRET");
    }

    @Test
    void passwordFlowLogsInAndHidesSecrets() {
        var c = org.credentials();
        Map<String, String> env = Map.of("SF_CLIENT_ID", c.clientId(), "SF_CLIENT_SECRET", c.clientSecret(),
                "SF_USERNAME", c.username(), "SF_PASSWORD", c.password(), "SF_SECURITY_TOKEN", c.securityToken(),
                "SF_LOGIN_URL", c.loginUrl().toString());
        PasswordAuthenticator auth = PasswordAuthenticator.fromEnv(env);
        assertThat(auth.authenticate().accessToken()).isNotBlank();
        assertThat(auth.toString()).doesNotContain(c.password()).doesNotContain(c.clientSecret());
    }

    @Test
    void passwordFlowWithWrongPasswordShowsOAuthErrorButNotThePassword() {
        var c = org.credentials();
        PasswordAuthenticator auth = PasswordAuthenticator.builder().clientId(c.clientId())
                .clientSecret(c.clientSecret()).username(c.username()).password("Wr0ngPassw0rd!")
                .loginUrl(c.loginUrl().toString()).build();
        AuthenticationException e = catchThrowableOfType(AuthenticationException.class, auth::authenticate);
        assertThat(e.errorCode()).isEqualTo("invalid_grant");
        assertThat(e.getMessage()).doesNotContain("Wr0ngPassw0rd!").doesNotContain(c.clientSecret());
    }

    @Test
    void passwordFromEnvNamesMissingVariables() {
        assertThatThrownBy(() -> PasswordAuthenticator.fromEnv(Map.of("SF_CLIENT_ID", "x")))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("SF_CLIENT_SECRET, SF_USERNAME, SF_PASSWORD");
    }

    @Test
    void clientCredentialsFlowLogsIn() {
        var c = org.credentials();
        ClientCredentialsAuthenticator auth = ClientCredentialsAuthenticator.fromEnv(Map.of(
                "SF_CLIENT_ID", c.clientId(), "SF_CLIENT_SECRET", c.clientSecret(),
                "SF_LOGIN_URL", c.loginUrl().toString()));
        assertThat(auth.authenticate().accessToken()).isNotBlank();
        assertThat(auth.toString()).doesNotContain(c.clientSecret());
    }

    @Test
    void clientCredentialsWithWrongSecretIsRefused() {
        var c = org.credentials();
        assertThatThrownBy(() -> ClientCredentialsAuthenticator.of(c.clientId(), "nope", c.loginUrl().toString())
                .authenticate()).isInstanceOf(AuthenticationException.class).hasMessageContaining("invalid_client");
    }

    @Test
    void refreshTokenFlowLogsIn() throws Exception {
        String token = control.refreshToken();
        var c = org.credentials();
        RefreshTokenAuthenticator auth = RefreshTokenAuthenticator.fromEnv(Map.of("SF_CLIENT_ID", c.clientId(),
                "SF_CLIENT_SECRET", c.clientSecret(), "SF_REFRESH_TOKEN", token,
                "SF_LOGIN_URL", c.loginUrl().toString()));
        assertThat(auth.authenticate().accessToken()).isNotBlank();
        assertThat(auth.toString()).doesNotContain(token);
    }

    @Test
    void accessTokenAuthenticatorReturnsItsSession() {
        String token = org.accessToken();
        AccessTokenAuthenticator auth = AccessTokenAuthenticator.fromEnv(Map.of(
                "SF_INSTANCE_URL", org.baseUri() + "/", "SF_ACCESS_TOKEN", token));
        SalesforceSession s = auth.authenticate();
        assertThat(s.instanceUrl()).isEqualTo(org.baseUri());
        assertThat(s.accessToken()).isEqualTo(token);
        assertThat(auth.toString()).doesNotContain(token);
        assertThatThrownBy(() -> AccessTokenAuthenticator.fromEnv(Map.of()))
                .hasMessageContaining("SF_INSTANCE_URL, SF_ACCESS_TOKEN");
    }

    @Test
    void unreachableLoginUrlNamesTheUrl() {
        assertThatThrownBy(() -> ClientCredentialsAuthenticator.of("a", "b", "http://127.0.0.1:1").authenticate())
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("http://127.0.0.1:1")
                .hasMessageNotContaining("client_secret");
    }

    /** Pulls the PKCS#1 RSAPrivateKey out of a PKCS#8 PrivateKeyInfo (for building a PKCS#1 test key). */
    static final class Pkcs8 {
        static byte[] innerKey(byte[] der) {
            int[] p = {0};
            readHeader(der, p); // SEQUENCE
            skip(der, p); // version
            skip(der, p); // algorithm
            int len = readHeader(der, p); // OCTET STRING
            byte[] out = new byte[len];
            System.arraycopy(der, p[0], out, 0, len);
            return out;
        }

        private static int readHeader(byte[] der, int[] p) {
            p[0]++; // tag
            int first = der[p[0]++] & 0xff;
            if (first < 0x80) {
                return first;
            }
            int n = first & 0x7f;
            int len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[p[0]++] & 0xff);
            }
            return len;
        }

        private static void skip(byte[] der, int[] p) {
            int len = readHeader(der, p);
            p[0] += len;
        }
    }
}
