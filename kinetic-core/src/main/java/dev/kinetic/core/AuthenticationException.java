package dev.kinetic.core;

/**
 * Authentication failed: missing configuration, an unreadable key, or an OAuth error from the token endpoint.
 * For OAuth errors, {@link #errorCode()} and {@link #errorDescription()} carry Salesforce's {@code error} and
 * {@code error_description}. Never carries a token, key, password or secret.
 */
public class AuthenticationException extends SalesforceException {
    private static final long serialVersionUID = 1L;

    /** Salesforce's OAuth {@code error}; empty when the failure was local. */
    private final String error;
    /** Salesforce's OAuth {@code error_description}; empty when the failure was local. */
    private final String errorDescription;

    /**
     * Creates an exception for a local problem (configuration, key file).
     *
     * @param message what went wrong and the way out
     */
    public AuthenticationException(String message) {
        this(message, "", "", null);
    }

    /**
     * Creates an exception for a local problem with a cause.
     *
     * @param message what went wrong and the way out
     * @param cause the underlying problem
     */
    public AuthenticationException(String message, Throwable cause) {
        this(message, "", "", cause);
    }

    /**
     * Creates an exception for an OAuth error answer.
     *
     * @param message what went wrong and the way out
     * @param error Salesforce's {@code error}, e.g. {@code invalid_grant}; empty if none
     * @param errorDescription Salesforce's {@code error_description}; empty if none
     * @param cause the underlying problem, or {@code null}
     */
    public AuthenticationException(String message, String error, String errorDescription, Throwable cause) {
        super(message, cause);
        this.error = error == null ? "" : error;
        this.errorDescription = errorDescription == null ? "" : errorDescription;
    }

    /**
     * {@return whether the failure may pass on its own (429, a 5xx, a dropped connection, an answer that broke off)
     * rather than a refusal of the credentials} The client has already retried such failures when it throws one.
     */
    public boolean isTransient() {
        return false;
    }

    /** {@return Salesforce's OAuth {@code error} code, e.g. {@code invalid_grant}; empty when the failure was local} */
    public String errorCode() {
        return error;
    }

    /** {@return Salesforce's OAuth {@code error_description}; empty when the failure was local} */
    public String errorDescription() {
        return errorDescription;
    }
}
