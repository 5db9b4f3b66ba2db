package dev.kinetic.emulator.service.jobs;

/**
 * The properties of an ingest job create request, as sent (any may be null when absent). Immutable.
 *
 * @param object the sObject
 * @param operation insert, update, upsert, delete or hardDelete
 * @param externalIdFieldName the upsert key
 * @param contentType CSV (the only value)
 * @param columnDelimiter BACKQUOTE, CARET, COMMA, PIPE, SEMICOLON or TAB
 * @param lineEnding LF or CRLF
 * @param assignmentRuleId an assignment rule id
 */
public record IngestSpec(String object, String operation, String externalIdFieldName, String contentType,
                         String columnDelimiter, String lineEnding, String assignmentRuleId) {
}
