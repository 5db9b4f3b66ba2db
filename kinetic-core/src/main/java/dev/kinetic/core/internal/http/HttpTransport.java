package dev.kinetic.core.internal.http;

import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.auth.Authenticator;
import dev.kinetic.core.internal.ClientConfig;

/** Sends requests to the org with retries and re-authentication. */
public final class HttpTransport implements AutoCloseable {
    private volatile SalesforceSession session;
    private final Authenticator authenticator;
    private final ClientConfig config;

    public HttpTransport(SalesforceSession session, Authenticator authenticator, ClientConfig config) {
        this.session = session;
        this.authenticator = authenticator;
        this.config = config;
    }

    public SalesforceSession session() {
        return session;
    }

    @Override
    public void close() {
    }
}
