package dev.kinetic.cli.bulk;

/**
 * An error answer from the org: the HTTP status and Salesforce's {@code errorCode} and message. The message never
 * carries a token.
 */
public final class BulkHttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    /**
     * @param status    the HTTP status
     * @param errorCode Salesforce's error code, e.g. {@code INVALIDENTITY}, or empty
     * @param message   Salesforce's message
     */
    public BulkHttpException(int status, String errorCode, String message) {
        super(errorCode.isEmpty() ? message : errorCode + ": " + message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Salesforce's error code, or empty. */
    public String errorCode() {
        return errorCode;
    }
}
