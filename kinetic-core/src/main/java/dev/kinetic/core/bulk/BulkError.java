package dev.kinetic.core.bulk;

import java.util.List;
import java.util.Objects;

/**
 * Why one row failed, parsed from its {@code sf__Error} ({@code STATUS_CODE:message:fields --}). Immutable.
 *
 * @param errorCode Salesforce's error code, e.g. {@code REQUIRED_FIELD_MISSING}
 * @param message the message, e.g. {@code Required fields are missing: [Name]}
 * @param fields the fields concerned, possibly empty
 * @param record the failed result row (with {@code sf__Id}, {@code sf__Error} and the original columns)
 */
public record BulkError(String errorCode, String message, List<String> fields, BulkRecord record) {
    /** Checks for nulls and copies the fields. */
    public BulkError {
        Objects.requireNonNull(errorCode, "errorCode == null");
        Objects.requireNonNull(message, "message == null");
        fields = List.copyOf(fields);
        Objects.requireNonNull(record, "record == null");
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
}
