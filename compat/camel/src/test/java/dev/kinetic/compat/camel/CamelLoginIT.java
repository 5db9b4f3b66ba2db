package dev.kinetic.compat.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kinetic.compat.camel.CamelOrg.Login;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void jwtLoginWithTheConnectedAppsKeystoreReadsTheOrg() throws Exception {
        try (CamelOrg camel = CamelOrg.signIn(org, Login.JWT, tempDir)) {
            assertReadsTheOrg(camel, "JWT Co");
        }
    }

    @Test
    void passwordLoginWithSecurityTokenAndClientSecretReadsTheOrg() throws Exception {
        try (CamelOrg camel = CamelOrg.signIn(org, Login.PASSWORD, tempDir)) {
            assertReadsTheOrg(camel, "Password Co");
        }
    }


    @Test
    void expiredSessionIsRenewedByCamelsJwtLogin() throws Exception {
        try (CamelOrg camel = CamelOrg.signIn(org, Login.JWT, tempDir)) {
            assertRenewsAnExpiredSession(camel, "Renewed JWT Co");
        }
    }

    @Test
    void expiredSessionIsRenewedByCamelsPasswordLogin() throws Exception {
        try (CamelOrg camel = CamelOrg.signIn(org, Login.PASSWORD, tempDir)) {
            assertRenewsAnExpiredSession(camel, "Renewed Password Co");
        }
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

    // The org answers the old token 401 INVALID_SESSION_ID; Camel logs in again by itself and repeats the call.
    private static void assertRenewsAnExpiredSession(CamelOrg camel, String name) {
        String before = camel.sessionToken();
        camel.records().expireTokens();
        assertThat(camel.records().status("/services/data/v62.0/limits", before)).isEqualTo(401);

        assertReadsTheOrg(camel, name);

        assertThat(camel.sessionToken()).isNotEqualTo(before);
        assertThat(camel.records().status("/services/data/v62.0/limits", camel.sessionToken())).isEqualTo(200);
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
