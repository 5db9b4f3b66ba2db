package dev.kinetic.core;

import java.util.Optional;

/**
 * Salesforce answered a REST call with an error: the HTTP status plus the first {@code errorCode} and
 * {@code message} of Salesforce's error array, e.g. {@code 404 NOT_FOUND}, and the request that got it. The
 * exception's message joins them ({@code 404 NOT_FOUND: ... (GET /jobs/ingest/750...)}); the accessors keep them
 * apart, {@link #serverMessage()} exactly as Salesforce sent it. Choose by {@link #errorCode()}, never by message text.
 */
public class BulkApiException extends SalesforceException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer. */
    private final int httpStatus;
    /** Salesforce's {@code errorCode}; empty if the body had none. */
    private final String errorCode;
    /** Salesforce's {@code message} as sent. */
    private final String serverMessage;
    /** The request (method and path) that was answered; null if not known. */
    private final String request;

    /**
     * Creates an exception from an error answer, without the request.
     *
     * @param httpStatus the HTTP status
     * @param errorCode Salesforce's {@code errorCode}, or an empty string if the body had none
     * @param message Salesforce's {@code message}, or a description of the body
     */
    public BulkApiException(int httpStatus, String errorCode, String message) {
        this(httpStatus, errorCode, message, null);
    }

    /**
     * Creates an exception from an error answer to a request.
     *
     * @param httpStatus the HTTP status
     * @param errorCode Salesforce's {@code errorCode}, or an empty string if the body had none
     * @param message Salesforce's {@code message}, or a description of the body
     * @param request the request's method and path, e.g. {@code POST /jobs/ingest}, or null if not known
     */
    public BulkApiException(int httpStatus, String errorCode, String message, String request) {
        super(httpStatus + " " + (errorCode == null || errorCode.isEmpty() ? "" : errorCode + ": ")
                + (message == null ? "" : message) + (request == null ? "" : " (" + request + ")"));
        this.httpStatus = httpStatus;
        this.errorCode = errorCode == null ? "" : errorCode;
        this.serverMessage = message == null ? "" : message;
        this.request = request;
    }

    /** {@return the HTTP status, e.g. 400} */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@return Salesforce's {@code errorCode}, e.g. {@code INVALIDJOBSTATE}; empty if the body had none} */
    public String errorCode() {
        return errorCode;
    }

    /** {@return Salesforce's {@code message} as sent (or, for a body without one, the start of the body)} */
    public String serverMessage() {
        return serverMessage;
    }

    /**
     * {@return the request that got the error: its method and path relative to the API, e.g. {@code POST
     * /jobs/ingest}; empty if not known}
     */
    public Optional<String> request() {
        return Optional.ofNullable(request);
    }
}
