package dev.kinetic.emulator.http;

/**
 * A request that ends in a Salesforce-style REST error: the HTTP status and a body
 * {@code [{"errorCode":"…","message":"…"}]}. Handlers throw it; the router renders it.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    /**
     * @param status the HTTP status, e.g. 400
     * @param errorCode Salesforce's error code, e.g. {@code INVALIDJOBSTATE}
     * @param message the message Salesforce would give
     */
    public ApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** 404 NOT_FOUND with Salesforce's text. */
    public static ApiException notFound() {
        return new ApiException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Salesforce's error code. */
    public String errorCode() {
        return errorCode;
    }
}
