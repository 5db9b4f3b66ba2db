package dev.kinetic.core.bulk;

import java.util.List;
import java.util.Objects;

/**
 * Why one row failed, parsed from its {@code sf__Error} ({@code STATUS_CODE:message:fields --}). Immutable and
 * thread-safe. A final class rather than a record so that fields can be added without breaking callers; made by
 * {@link #of(BulkRecord)}.
 */
public final class BulkError {
    private final String errorCode;
    private final String message;
    private final List<String> fields;
    private final BulkRecord record;

    private BulkError(String errorCode, String message, List<String> fields, BulkRecord record) {
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode == null");
        this.message = Objects.requireNonNull(message, "message == null");
        this.fields = List.copyOf(fields);
        this.record = Objects.requireNonNull(record, "record == null");
    }

    /** {@return Salesforce's error code, e.g. {@code REQUIRED_FIELD_MISSING}} */
    public String errorCode() {
        return errorCode;
    }

    /** {@return the message, e.g. {@code Required fields are missing: [Name]}} */
    public String message() {
        return message;
    }

    /** {@return the fields concerned, possibly empty} */
    public List<String> fields() {
        return fields;
    }

    /** {@return the failed result row (with {@code sf__Id}, {@code sf__Error} and the original columns)} */
    public BulkRecord record() {
        return record;
    }

    /**
     * Parses a failed result row.
     *
     * @param record a row of failedResults
     * @return the error
     */
    public static BulkError of(BulkRecord record) {
        String raw = record.error().orElse("");
        String code = raw;
        String message = "";
        List<String> fields = List.of();
        int first = raw.indexOf(':');
        if (first >= 0) {
            code = raw.substring(0, first);
            String rest = raw.substring(first + 1);
            if (rest.endsWith("--")) {
                rest = rest.substring(0, rest.length() - 2).stripTrailing();
                int last = rest.lastIndexOf(':');
                if (last >= 0) {
                    String f = rest.substring(last + 1).trim();
                    rest = rest.substring(0, last);
                    if (!f.isEmpty()) {
                        fields = List.of(f.split("\\s*,\\s*"));
                    }
                }
            }
            message = rest;
        }
        return new BulkError(code, message, fields, record);
    }

    /**
     * The 0-based index of the input row that failed.
     *
     * @return the index
     * @throws IllegalStateException if the input is not known here (see {@link BulkRecord#findInputIndex()})
     */
    public long inputIndex() {
        return record.inputIndex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkError e && errorCode.equals(e.errorCode) && message.equals(e.message)
                && fields.equals(e.fields) && record.equals(e.record);
    }

    @Override
    public int hashCode() {
        return Objects.hash(errorCode, message, fields, record);
    }

    @Override
    public String toString() {
        return "BulkError[errorCode=" + errorCode + ", message=" + message + ", fields=" + fields + ", record="
                + record + "]";
    }
}
