package dev.kinetic.core.auth;

import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.SalesforceSession;

/**
 * Obtains a {@link SalesforceSession}. {@link dev.kinetic.core.SalesforceClient#connect(Authenticator)} calls it
 * again when the session expires. Implementations are immutable and thread-safe, and never reveal secrets in
 * {@code toString()} or exception messages.
 */
public interface Authenticator {
    /**
     * Authenticates and returns a fresh session.
     *
     * @return the session
     * @throws AuthenticationException if Salesforce refuses, or the configuration is incomplete
     */
    SalesforceSession authenticate();
}
