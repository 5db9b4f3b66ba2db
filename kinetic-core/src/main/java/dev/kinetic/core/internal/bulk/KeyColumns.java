package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkOperation;
import java.util.List;
import java.util.Locale;

/** Which column identifies the rows of an operation: {@code Id}, the external id, or none for insert. */
final class KeyColumns {
    private KeyColumns() {
    }

    /** The required key column of the operation, or {@code null} for insert. */
    static String keyFor(BulkOperation op, CallOptions options) {
        return switch (op) {
            case INSERT -> null;
            case UPSERT -> options.externalIdField().orElseThrow(() -> new IllegalArgumentException(
                    "upsert needs an external id field, e.g. upsert(\"Account\", rows, \"External_Key__c\")"));
            default -> "Id";
        };
    }

    /** The index of a column, matched case-insensitively as Salesforce does; -1 if absent. */
    static int indexOf(List<String> header, String column) {
        if (column == null) {
            return -1;
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(column)) {
                return i;
            }
        }
        String lower = column.toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    /** The message for rows that lack the key. */
    static String missingMessage(BulkOperation op, String key, List<Long> firstBad, long badCount) {
        StringBuilder b = new StringBuilder(op.wireName()).append(" needs ");
        b.append(key.equals("Id") ? "an Id" : "a value for the external id field " + key).append(" in every record; ");
        b.append(badCount).append(badCount == 1 ? " record lacks it, at index " : " records lack it, first at indexes ");
        for (int i = 0; i < firstBad.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(firstBad.get(i));
        }
        b.append(badCount > firstBad.size() ? ", ..." : "").append(" (0-based); nothing was sent");
        return b.toString();
    }
}
