package dev.kinetic.core;

/**
 * Salesforce answered a REST call with an error: the HTTP status plus the first {@code errorCode} and
 * {@code message} of Salesforce's error array, e.g. {@code 404 NOT_FOUND}.
 */
public class BulkApiException extends SalesforceException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer. */
    private final int httpStatus;
    /** Salesforce's {@code errorCode}; empty if the body had none. */
    private final String errorCode;
    /** Salesforce's {@code message} as sent. */
    private final String serverMessage;

    /**
     * Creates an exception from an error answer.
     *
     * @param httpStatus the HTTP status
     * @param errorCode Salesforce's {@code errorCode}, or an empty string if the body had none
     * @param message Salesforce's {@code message}, or a description of the body
     */
    public BulkApiException(int httpStatus, String errorCode, String message) {
        super(httpStatus + " " + (errorCode == null || errorCode.isEmpty() ? "" : errorCode + ": ")
                + (message == null ? "" : message));
        this.httpStatus = httpStatus;
        this.errorCode = errorCode == null ? "" : errorCode;
        this.serverMessage = message == null ? "" : message;
    }

    /** {@return the HTTP status, e.g. 400} */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@return Salesforce's {@code errorCode}, e.g. {@code INVALIDJOBSTATE}; empty if the body had none} */
    public String errorCode() {
        return errorCode;
    }

    /** {@return Salesforce's {@code message} as sent} */
    public String serverMessage() {
        return serverMessage;
    }
}
