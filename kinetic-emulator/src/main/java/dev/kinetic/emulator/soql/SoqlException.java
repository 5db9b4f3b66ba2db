package dev.kinetic.emulator.soql;

/**
 * A query the local org refuses, with Salesforce's error code ({@code MALFORMED_QUERY}, {@code INVALID_FIELD},
 * {@code INVALID_TYPE}, {@code INVALIDENTITY}, {@code API_ERROR}…) and message. Answered as HTTP 400.
 */
public final class SoqlException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String errorCode;

    /**
     * @param errorCode Salesforce's error code
     * @param message Salesforce's message
     */
    public SoqlException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /** Salesforce's error code. */
    public String errorCode() {
        return errorCode;
    }
}
