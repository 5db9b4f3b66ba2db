package dev.kinetic.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.ColumnDelimiter;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.LineEnding;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads Salesforce's JobInfo JSON into a {@link BulkJob}, tolerating string-typed numbers. A field the server did
 * not send stays empty in the job (job lists carry no counters), never a made-up 0.
 */
final class JobInfoParser {
    // Salesforce sends 2022-01-02T21:33:43.000+0000 (offset without a colon).
    private static final DateTimeFormatter SALESFORCE_TIME = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private JobInfoParser() {
    }

    static BulkJob parse(JsonNode n, JobKind fallbackKind) {
        String op = text(n, "operation");
        BulkOperation operation;
        if (op.isEmpty()) {
            // Only a partial answer lacks the operation; a query job is then a query, an ingest job is unknown.
            operation = text(n, "jobType").equals("V2Query") || fallbackKind == JobKind.QUERY ? BulkOperation.QUERY
                    : BulkOperation.INSERT;
        } else {
            operation = BulkOperation.fromWireName(op);
        }
        Long processingMillis = number(n, "totalProcessingTime");
        Long retries = number(n, "retries");
        return BulkJob.builder(text(n, "id")).operation(operation).object(text(n, "object"))
                .state(JobState.of(text(n, "state").isEmpty() ? "Unknown" : text(n, "state")))
                .externalIdFieldName(optional(n, "externalIdFieldName")).lineEnding(lineEnding(text(n, "lineEnding")))
                .columnDelimiter(delimiter(text(n, "columnDelimiter")))
                .numberRecordsProcessed(number(n, "numberRecordsProcessed"))
                .numberRecordsFailed(number(n, "numberRecordsFailed"))
                .retries(retries == null ? null : Math.toIntExact(retries))
                .totalProcessingTime(processingMillis == null ? null : Duration.ofMillis(processingMillis))
                .createdDate(time(text(n, "createdDate"))).systemModstamp(time(text(n, "systemModstamp")))
                .apiVersion(optional(n, "apiVersion")).errorMessage(optional(n, "errorMessage")).build();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static String optional(JsonNode n, String field) {
        String t = text(n, field);
        return t.isEmpty() ? null : t;
    }

    private static Long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        try {
            return (long) Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant time(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, SALESFORCE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException again) {
                return null; // a time in a form we do not know is left out rather than guessed
            }
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
