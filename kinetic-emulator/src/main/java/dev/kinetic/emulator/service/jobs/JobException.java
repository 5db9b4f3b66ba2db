package dev.kinetic.emulator.service.jobs;

import java.util.Objects;

/**
 * A Bulk API request the job services refuse, with Salesforce's error code and message and the kind of failure
 * (which the HTTP layer maps to a status). Immutable.
 */
public final class JobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is. */
    public enum Kind {
        /** The request is invalid (HTTP 400). */
        INVALID,
        /** No such job (HTTP 404). */
        NOT_FOUND,
        /** The upload is over the size limit (HTTP 413). */
        TOO_LARGE,
        /** Results asked for before the job completed (HTTP 412). */
        NOT_COMPLETE,
        /** The request conflicts with the job, e.g. another API version (HTTP 409). */
        CONFLICT
    }

    private final Kind kind;
    private final String errorCode;

    /**
     * @param kind the kind of refusal
     * @param errorCode Salesforce's error code
     * @param message the message, naming the problem and the way out
     */
    public JobException(Kind kind, String errorCode, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind == null");
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode == null");
    }

    /** An invalid request (400) with this code. */
    public static JobException invalid(String errorCode, String message) {
        return new JobException(Kind.INVALID, errorCode, message);
    }

    /** No such job (404 NOT_FOUND with Salesforce's text). */
    public static JobException notFound() {
        return new JobException(Kind.NOT_FOUND, "NOT_FOUND", "The requested resource does not exist");
    }

    /** The kind of refusal. */
    public Kind kind() {
        return kind;
    }

    /** Salesforce's error code. */
    public String errorCode() {
        return errorCode;
    }
}
