package dev.kinetic.emulator.service.jobs;

/**
 * The properties of a query job create request, as sent (any may be null when absent). Immutable.
 *
 * @param operation query or queryAll
 * @param query the SOQL
 * @param contentType CSV (the only value)
 * @param columnDelimiter BACKQUOTE, CARET, COMMA, PIPE, SEMICOLON or TAB
 * @param lineEnding LF or CRLF
 */
public record QuerySpec(String operation, String query, String contentType, String columnDelimiter,
                        String lineEnding) {
}
