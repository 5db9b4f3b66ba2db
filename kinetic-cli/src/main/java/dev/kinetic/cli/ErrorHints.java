package dev.kinetic.cli;

import dev.kinetic.core.BulkApiException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an error answer of the org into an exit code and a one-line message that says what to do. The hint is chosen
 * from Salesforce's error code (and, for a code both kinds of request get, from which request it was), never from the
 * message text, which Salesforce words as it likes.
 */
public final class ErrorHints {
    /** A request about one job, e.g. {@code GET /jobs/ingest/750...}: a NOT_FOUND there is the job id's fault. */
    private static final Pattern JOB_REQUEST = Pattern.compile("\\S+ /jobs/(ingest|query)/[^/\\s]+.*");

    private ErrorHints() {
    }

    /** The exit code for an org's error answer. */
    static int exitCode(BulkApiException e) {
        if (e.httpStatus() == 401 || e.httpStatus() == 403 || e.errorCode().equals("INVALID_SESSION_ID")) {
            return ExitCodes.AUTH;
        }
        if (e.httpStatus() >= 500) {
            return ExitCodes.JOB_FAILED;
        }
        return ExitCodes.USAGE;
    }

    /** The message (Salesforce's, as sent, on one line) with a hint for the common error codes. */
    static String explain(BulkApiException e) {
        String message = e.errorCode().isEmpty() ? e.serverMessage() : e.errorCode() + ": " + e.serverMessage();
        boolean aboutAJob = e.request().map(r -> JOB_REQUEST.matcher(r).matches()).orElse(false);
        String hint = hint(e.errorCode(), aboutAJob)
                .orElse(e.httpStatus() == 401 ? "the access token is invalid or expired: sign in again" : "");
        return "the org answered HTTP " + e.httpStatus() + " " + oneLine(message)
                + (hint.isEmpty() ? "" : " (" + hint + ")");
    }

    /**
     * A hint for a failed job's {@code errorMessage}, which Salesforce writes as {@code CODE : message}, e.g.
     * {@code InvalidBatch : Field name not found : Nme}.
     */
    public static Optional<String> forJobError(String errorMessage) {
        int cut = errorMessage.indexOf(" : ");
        return cut > 0 ? hint(errorMessage.substring(0, cut).strip(), false) : Optional.empty();
    }

    private static Optional<String> hint(String errorCode, boolean aboutAJob) {
        String hint = switch (errorCode) {
            case "NOT_FOUND" -> aboutAJob ? "check the job id with 'kinetic job list'"
                    : "check the object's API name (custom objects end in __c)";
            case "INVALIDENTITY", "INVALID_TYPE" -> "check the object's API name (custom objects end in __c)";
            case "INVALID_FIELD", "InvalidBatch" -> "check the field names against the object's API names";
            case "MALFORMED_QUERY" -> "check the SOQL syntax, e.g. SELECT Id, Name FROM Account";
            case "INVALID_SESSION_ID" -> "the access token is invalid or expired: sign in again";
            case "INVALIDJOBSTATE" -> "check the job's state with 'kinetic job get <id>'";
            default -> "";
        };
        return hint.isEmpty() ? Optional.empty() : Optional.of(hint);
    }

    /** Salesforce's multi-line messages (a query, a caret under it, the position) joined into one line. */
    static String oneLine(String message) {
        return message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.matches("\\^+"))
                .reduce((a, b) -> a.endsWith(":") ? a + " " + b : a + " | " + b).orElse("");
    }
}
