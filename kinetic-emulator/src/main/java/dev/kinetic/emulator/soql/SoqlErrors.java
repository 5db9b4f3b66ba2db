package dev.kinetic.emulator.soql;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds the {@link SoqlException}s of the local org, shaped as Salesforce's SOQL compiler reports them: the query
 * line, a caret under the offending position, {@code ERROR at Row:r:Column:c}, then the message. Immutable.
 *
 * <p>Error codes used: {@code MALFORMED_QUERY} (syntax, clauses SOQL itself refuses here), {@code INVALID_TYPE}
 * (unknown object), {@code INVALID_FIELD} (unknown field or relationship, wrong literal type),
 * {@code INVALID_QUERY_FILTER_OPERATOR} (malformed id, operator not valid for the field type) and
 * {@code FUNCTIONALITY_NOT_ENABLED} (SOQL that Bulk API 2.0 or the local org does not run: aggregates, GROUP BY,
 * OFFSET, TYPEOF, child subqueries, compound fields…). Messages for the Bulk limits are plain text, as
 * Salesforce's Bulk query messages are.
 */
final class SoqlErrors {
    static final String MALFORMED_QUERY = "MALFORMED_QUERY";
    static final String INVALID_TYPE = "INVALID_TYPE";
    static final String INVALID_FIELD = "INVALID_FIELD";
    static final String INVALID_OPERATOR = "INVALID_QUERY_FILTER_OPERATOR";
    static final String NOT_ENABLED = "FUNCTIONALITY_NOT_ENABLED";
    private static final int WINDOW = 100;

    private final String soql;

    SoqlErrors(String soql) {
        this.soql = soql;
    }

    /** An error positioned at a token. */
    SoqlException at(String errorCode, Token token, String message) {
        return at(errorCode, token.getLine(), token.getCharPositionInLine() + 1, message);
    }

    /** An error positioned at the start of a parse-tree node. */
    SoqlException at(String errorCode, ParserRuleContext node, String message) {
        return at(errorCode, node.getStart(), message);
    }

    /** An error positioned at a 1-based row and column. */
    SoqlException at(String errorCode, int row, int column, String message) {
        String line = line(row);
        int caret = Math.max(0, Math.min(column - 1, line.length()));
        // Long lines are shown as a window around the position, as Salesforce does, so messages stay readable.
        if (line.length() > WINDOW) {
            int start = Math.max(0, Math.min(caret - WINDOW / 2, line.length() - WINDOW));
            line = line.substring(start, start + WINDOW);
            caret -= start;
        }
        return new SoqlException(errorCode, "\n" + line + "\n" + " ".repeat(caret) + "^\nERROR at Row:" + row
                + ":Column:" + column + "\n" + message);
    }

    /** An error without a position, for limits of Bulk API 2.0 or the local org. */
    static SoqlException plain(String errorCode, String message) {
        return new SoqlException(errorCode, message);
    }

    /** Salesforce's text for an unknown field. */
    SoqlException noSuchColumn(ParserRuleContext node, String field, String objectName) {
        return at(INVALID_FIELD, node, "No such column '" + field + "' on entity '" + objectName + "'. If you are"
                + " attempting to use a custom field, be sure to append the '__c' after the custom field name. Please"
                + " reference your WSDL or the describe call for the appropriate names.");
    }

    /** A token's text as the query wrote it (the lexer may have seen a masked copy, see {@link SoqlStrings}). */
    String text(Token token) {
        return soql.substring(token.getStartIndex(), token.getStopIndex() + 1);
    }

    /** The text of the query's row (1-based), or empty when out of range. */
    String line(int row) {
        int start = 0;
        for (int r = 1; r < row; r++) {
            int next = soql.indexOf('\n', start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = soql.indexOf('\n', start);
        String text = end < 0 ? soql.substring(start) : soql.substring(start, end);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
