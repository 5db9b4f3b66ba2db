package dev.kinetic.cli;

import dev.kinetic.core.BulkApiException;

/** Turns an error answer of the org into an exit code and a one-line message that says what to do. */
final class ErrorHints {
    private ErrorHints() {
    }

    /** The exit code for an org's error answer. */
    static int exitCode(BulkApiException e) {
        return exitCode(e.httpStatus(), e.errorCode());
    }

    /** The message with a hint for the common error codes. */
    static String explain(BulkApiException e) {
        String message = e.errorCode().isEmpty() ? e.serverMessage() : e.errorCode() + ": " + e.serverMessage();
        return explain(e.httpStatus(), e.errorCode(), message);
    }

    private static int exitCode(int status, String errorCode) {
        if (status == 401 || status == 403 || errorCode.equals("INVALID_SESSION_ID")) {
            return ExitCodes.AUTH;
        }
        if (status >= 500) {
            return ExitCodes.JOB_FAILED;
        }
        return ExitCodes.USAGE;
    }

    private static String explain(int status, String errorCode, String message) {
        String hint = switch (errorCode) {
            case "INVALIDENTITY", "INVALID_TYPE", "NOT_FOUND" -> message.toLowerCase(java.util.Locale.ROOT)
                    .contains("job") ? "check the job id with 'kinetic job list'"
                    : "check the object's API name (custom objects end in __c)";
            case "INVALID_FIELD", "InvalidBatch" -> "check the field names against the object's API names";
            case "MALFORMED_QUERY" -> "check the SOQL syntax, e.g. SELECT Id, Name FROM Account";
            case "INVALID_SESSION_ID" -> "the access token is invalid or expired: sign in again";
            case "INVALIDJOBSTATE" -> "check the job's state with 'kinetic job get <id>'";
            default -> status == 401 ? "the access token is invalid or expired: sign in again" : "";
        };
        return "the org answered HTTP " + status + " " + oneLine(message)
                + (hint.isEmpty() ? "" : " (" + hint + ")");
    }

    /** Salesforce's multi-line messages (a query, a caret under it, the position) joined into one line. */
    static String oneLine(String message) {
        return message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.matches("\\^+"))
                .reduce((a, b) -> a.endsWith(":") ? a + " " + b : a + " | " + b).orElse("");
    }
}
