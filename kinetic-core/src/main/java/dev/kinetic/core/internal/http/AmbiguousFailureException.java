package dev.kinetic.core.internal.http;

import dev.kinetic.core.SalesforceException;

/**
 * A request sent at most once failed in a way that leaves its effect unknown (a transient status, a reset or a
 * timeout): the server may or may not have acted on it.
 */
public final class AmbiguousFailureException extends SalesforceException {
    private static final long serialVersionUID = 1L;

    private final String partialAnswer;

    /** Creates the exception. */
    public AmbiguousFailureException(String message, Throwable cause) {
        this(message, cause, "");
    }

    /** Creates the exception with the part of the answer that arrived before it broke off. */
    public AmbiguousFailureException(String message, Throwable cause, String partialAnswer) {
        super(message, cause);
        this.partialAnswer = partialAnswer == null ? "" : partialAnswer;
    }

    /** The part of the answer that arrived before it broke off; empty if none did. */
    public String partialAnswer() {
        return partialAnswer;
    }
}
