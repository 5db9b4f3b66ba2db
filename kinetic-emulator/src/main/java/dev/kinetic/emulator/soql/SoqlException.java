package dev.kinetic.emulator.soql;

/**
 * A query the local org refuses, with Salesforce's error code and message. Answered as HTTP 400. Codes:
 * {@code MALFORMED_QUERY} (syntax, trailing text, duplicate fields, FIELDS(ALL|CUSTOM)), {@code INVALID_TYPE}
 * (unknown object), {@code INVALID_FIELD} (unknown field or relationship, literal of the wrong type, a field that
 * cannot be filtered or sorted), {@code INVALID_QUERY_FILTER_OPERATOR} (malformed id, operator not valid for the
 * field) and {@code FUNCTIONALITY_NOT_ENABLED} (SOQL that Bulk API 2.0 or the local org does not run). Compile-time
 * messages carry Salesforce's position block ({@code \nSELECT Foo FROM Account\n       ^\nERROR at Row:1:Column:8\n…}).
 * Immutable.
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
