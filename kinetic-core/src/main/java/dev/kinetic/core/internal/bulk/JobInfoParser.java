package dev.kinetic.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.ColumnDelimiter;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.LineEnding;
import java.util.Optional;

/** Reads Salesforce's JobInfo JSON into a {@link BulkJob}, tolerating absent fields and string-typed numbers. */
final class JobInfoParser {
    private JobInfoParser() {
    }

    static BulkJob parse(JsonNode n, JobKind fallbackKind) {
        String operation = text(n, "operation");
        JobKind kind = operation.equals("query") || operation.equals("queryAll") ? JobKind.QUERY
                : operation.isEmpty() ? fallbackKind : JobKind.INGEST;
        String jobType = text(n, "jobType");
        if (jobType.equals("V2Query")) {
            kind = JobKind.QUERY;
        }
        return new BulkJob(text(n, "id"), kind, operation, text(n, "object"),
                JobState.of(text(n, "state").isEmpty() ? "Unknown" : text(n, "state")),
                optional(n, "externalIdFieldName"), lineEnding(text(n, "lineEnding")),
                delimiter(text(n, "columnDelimiter")), number(n, "numberRecordsProcessed"),
                number(n, "numberRecordsFailed"), (int) number(n, "retries"), number(n, "totalProcessingTime"),
                text(n, "createdDate"), text(n, "systemModstamp"), text(n, "apiVersion"), optional(n, "errorMessage"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static Optional<String> optional(JsonNode n, String field) {
        String t = text(n, field);
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        try {
            return (long) Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static LineEnding lineEnding(String s) {
        return s.equalsIgnoreCase("CRLF") ? LineEnding.CRLF : LineEnding.LF;
    }

    private static ColumnDelimiter delimiter(String s) {
        for (ColumnDelimiter d : ColumnDelimiter.values()) {
            if (d.name().equalsIgnoreCase(s)) {
                return d;
            }
        }
        return ColumnDelimiter.COMMA;
    }
}
