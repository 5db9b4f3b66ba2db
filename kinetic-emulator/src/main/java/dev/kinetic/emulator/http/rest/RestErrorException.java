package dev.kinetic.emulator.http.rest;

import java.util.List;

/**
 * A record request that ends in Salesforce's REST error answer: an HTTP status and
 * {@code [{"message","errorCode","fields"}]}. Thrown by the record handlers and rendered by {@link RecordRoutes}.
 * Carries no stack trace: it is an answer, not a bug.
 */
final class RestErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<RestError> errors;

    RestErrorException(int status, List<RestError> errors) {
        super(errors.isEmpty() ? "" : errors.get(0).message(), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    RestErrorException(int status, String errorCode, String message) {
        this(status, List.of(RestError.of(errorCode, message)));
    }

    /** 404 NOT_FOUND {@code The requested resource does not exist}. */
    static RestErrorException notFound() {
        return new RestErrorException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    int status() {
        return status;
    }

    List<RestError> errors() {
        return errors;
    }
}
