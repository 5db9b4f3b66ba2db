package dev.kinetic.compat.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kinetic.compat.camel.CamelOrg.Login;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.salesforce.SalesforceLoginConfig;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Camel's two logins against a fresh org: JWT bearer with a PKCS12 keystore holding the connected app's key, and
 * username with password plus security token and the app's client id and secret. Each signs in when the context
 * starts and then reads the org through the component. One org for the class.
 */
class CamelLoginIT {
    private static LocalOrg org;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void startOrg() {
        org = LocalOrg.start(LocalOrgConfig.defaults());
    }

    @AfterAll
    static void stopOrg() {
        org.close();
    }

    // JWT: a PKCS12 keystore with the connected app's key; PASSWORD: password + security token, client id + secret.
    @ParameterizedTest
    @EnumSource(Login.class)
    void signsInAndReadsTheOrg(Login login) throws Exception {
        try (CamelOrg camel = CamelOrg.signIn(org, login, tempDir)) {
            assertReadsTheOrg(camel, "Signed In " + login);
        }
    }

    // The org answers the old token 401 INVALID_SESSION_ID; Camel logs in again by itself and repeats the call.
    @ParameterizedTest
    @EnumSource(Login.class)
    void renewsAnExpiredSessionByLoggingInAgain(Login login) throws Exception {
        try (CamelOrg camel = CamelOrg.signIn(org, login, tempDir)) {
            String before = camel.sessionToken();
            camel.records().expireTokens();
            assertThat(camel.records().status("/services/data/v62.0/limits", before)).isEqualTo(401);

            assertReadsTheOrg(camel, "Renewed " + login);

            assertThat(camel.sessionToken()).isNotEqualTo(before);
            assertThat(camel.records().status("/services/data/v62.0/limits", camel.sessionToken())).isEqualTo(200);
        }
    }

    @Test
    void wrongPasswordFailsTheContextStartWithTheOrgsOAuthError() throws Exception {
        SalesforceLoginConfig config = CamelOrg.loginConfig(org.credentials(), Login.PASSWORD, tempDir);
        config.setPassword("not-the-password" + org.credentials().securityToken());

        assertThatThrownBy(() -> CamelOrg.signIn(org, config)).rootCause()
                .isInstanceOf(SalesforceException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("invalid username, password, security token; or user locked out.");
    }

    @Test
    void jwtForAnotherAudienceFailsTheContextStartWithTheOrgsOAuthError() throws Exception {
        SalesforceLoginConfig config = CamelOrg.loginConfig(org.credentials(), Login.JWT, tempDir);
        config.setJwtAudience("https://other.example.invalid");

        assertThatThrownBy(() -> CamelOrg.signIn(org, config)).rootCause()
                .isInstanceOf(SalesforceException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("audience is invalid");
    }

    @Test
    void stoppingTheContextRevokesCamelsToken() throws Exception {
        try (CamelOrg camel = CamelOrg.signIn(org, Login.JWT, tempDir)) {
            String token = camel.sessionToken();
            assertThat(camel.records().status("/services/data/v62.0/limits", token)).isEqualTo(200);

            camel.stopCamel();

            assertThat(camel.records().status("/services/data/v62.0/limits", token)).isEqualTo(401);
        }
    }

    // A record seeded past Camel comes back through Camel's REST query on the session its login opened.
    private static void assertReadsTheOrg(CamelOrg camel, String name) {
        String id = camel.records().seed("Account", List.of(Map.of("Name", name))).get(0);
        QueryRecordsAccount page = camel.call("query?sObjectQuery=SELECT Id, Name FROM Account WHERE Name = '"
                + name + "'&sObjectClass=" + QueryRecordsAccount.class.getName(), null, Map.of(),
                QueryRecordsAccount.class);
        assertThat(page.getRecords()).extracting(Account::getId, Account::getName)
                .containsExactly(tuple(id, name));
    }
}
