package dev.kinetic.core.internal.http;

import dev.kinetic.core.SalesforceException;

/**
 * A request sent at most once failed in a way that leaves its effect unknown (a transient status, a reset or a
 * timeout): the server may or may not have acted on it.
 */
public final class AmbiguousFailureException extends SalesforceException {
    private static final long serialVersionUID = 1L;

    public AmbiguousFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
