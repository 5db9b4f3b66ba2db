package dev.kinetic.core;

/**
 * Root of every exception kinetic-core throws for a problem with Salesforce, the network or a job. Unchecked.
 * Preconditions on arguments throw the JDK's {@link IllegalArgumentException} / {@link NullPointerException} instead.
 */
public class SalesforceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message for people.
     *
     * @param message what went wrong, the value and the way out; never a secret
     */
    public SalesforceException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, the value and the way out; never a secret
     * @param cause the underlying problem
     */
    public SalesforceException(String message, Throwable cause) {
        super(message, cause);
    }
}
