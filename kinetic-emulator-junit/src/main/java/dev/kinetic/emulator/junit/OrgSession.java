package dev.kinetic.emulator.junit;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgCredentials;
import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One running org of the extension with its control and, once asked for, its signed-in client. Kept in a JUnit
 * store, which closes it when its class or method is done. Thread-safe.
 */
final class OrgSession implements AutoCloseable {
    private final LocalOrg org;
    private final LocalOrgControl control;
    private final Consumer<SalesforceClient.Builder> clientSettings;
    private SalesforceClient client;
    private boolean closed;

    private OrgSession(LocalOrg org, Consumer<SalesforceClient.Builder> clientSettings) {
        this.org = org;
        this.control = new LocalOrgControl(org);
        this.clientSettings = clientSettings;
    }

    static OrgSession start(LocalOrgConfig config, Consumer<SalesforceClient.Builder> clientSettings) {
        return new OrgSession(LocalOrg.start(config), clientSettings);
    }

    LocalOrg org() {
        return org;
    }

    LocalOrgControl control() {
        return control;
    }

    LocalOrgCredentials credentials() {
        return org.credentials();
    }

    /** The client, signed in through the JWT bearer flow on first use, so that it signs in again when told to. */
    synchronized SalesforceClient client() {
        checkOpen();
        if (client == null) {
            client = clientBuilder(org.credentials().loginUrl()).build();
        }
        return client;
    }

    /** A builder for another client that signs in at this login URL (the org's, or its fault proxy's). */
    synchronized SalesforceClient.Builder clientBuilder(URI loginUrl) {
        checkOpen();
        LocalOrgCredentials c = org.credentials();
        JwtAuthenticator jwt = JwtAuthenticator.fromEnv(Map.of("SF_CLIENT_ID", c.clientId(),
                "SF_USERNAME", c.username(), "SF_PRIVATE_KEY_PATH", c.privateKeyPath().toString(),
                "SF_LOGIN_URL", loginUrl.toString()));
        SalesforceClient.Builder builder = SalesforceClient.builder().authenticator(jwt);
        clientSettings.accept(builder);
        return builder;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The local org of this test has stopped; its client cannot be used");
        }
    }

    /** Stops the client and the org; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            try {
                control.close();
            } finally {
                org.close();
            }
        }
    }
}
