package dev.kinetic.emulator.soql;

import io.github.apexdevtools.apexparser.ApexParser.QueryContext;
import io.github.apexdevtools.apexparser.ApexParser.SelectEntryContext;
import io.github.apexdevtools.apexparser.ApexParser.SoqlFunctionContext;

/**
 * Refuses the SOQL that the grammar accepts but Bulk API 2.0 query (or the local org) does not run, each with an
 * explicit message, so nothing is silently translated into something else. Stateless and thread-safe.
 */
final class ClauseChecks {
    /** The message for aggregate functions and grouping. */
    static final String AGGREGATES = "Aggregate queries are not supported by Bulk API 2.0 query: remove COUNT(),"
            + " COUNT_DISTINCT(), SUM(), AVG(), MIN(), MAX(), date functions, GROUP BY and HAVING.";

    private ClauseChecks() {
    }

    /**
     * Refuses clauses other than SELECT, FROM, WHERE, ORDER BY and LIMIT.
     *
     * @throws SoqlException {@code FUNCTIONALITY_NOT_ENABLED} naming the clause
     */
    static void rejectUnsupported(QueryContext q) throws SoqlException {
        rejectUnsupported(q, false);
    }

    /**
     * Refuses what is not supported; for the REST API ({@code rest}), GROUP BY, HAVING and OFFSET are allowed.
     *
     * @throws SoqlException {@code FUNCTIONALITY_NOT_ENABLED} naming the clause
     */
    static void rejectUnsupported(QueryContext q, boolean rest) throws SoqlException {
        if (q.usingScope() != null) {
            throw notEnabled("USING SCOPE is not supported by the local org.");
        }
        if (q.withClause() != null) {
            throw notEnabled("WITH clauses (WITH SECURITY_ENFORCED, WITH USER_MODE, WITH DATA CATEGORY, ...) are not"
                    + " supported by the local org.");
        }
        if (q.groupByClause() != null && !rest) {
            throw notEnabled(AGGREGATES);
        }
        if (q.offsetClause() != null && !rest) {
            throw notEnabled("OFFSET is not supported by Bulk API 2.0 query; results are paged with the locator.");
        }
        if (q.allRowsClause() != null) {
            throw notEnabled("ALL ROWS is not supported in Bulk API 2.0 query; create a queryAll job to include"
                    + " deleted records.");
        }
        if (!q.forClauses().FOR().isEmpty()) {
            throw notEnabled("FOR VIEW, FOR REFERENCE and FOR UPDATE are not supported by Bulk API 2.0 query.");
        }
        if (q.UPDATE() != null) {
            throw notEnabled("UPDATE TRACKING and UPDATE VIEWSTAT are not supported by Bulk API 2.0 query.");
        }
    }

    /**
     * Refuses select-list entries other than field paths.
     *
     * @throws SoqlException {@code FUNCTIONALITY_NOT_ENABLED} for TYPEOF, subqueries and functions,
     *     {@code MALFORMED_QUERY} for FIELDS(ALL|CUSTOM) and field aliases
     */
    static void rejectUnsupportedEntry(SelectEntryContext entry, SoqlErrors errors) throws SoqlException {
        if (entry.typeOf() != null) {
            throw notEnabled("TYPEOF is not supported by Bulk API 2.0 query.");
        }
        if (entry.subQuery() != null) {
            throw notEnabled("Aggregate Relationships not supported in Bulk V2 Query with CSV content type.");
        }
        SoqlFunctionContext function = entry.soqlFunction();
        if (function != null) {
            rejectFunction(function, errors);
        }
        if (entry.soqlId() != null) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, entry.soqlId(), "unexpected token: '"
                    + entry.soqlId().getText() + "'");
        }
    }

    private static void rejectFunction(SoqlFunctionContext function, SoqlErrors errors) throws SoqlException {
        if (function.FIELDS() != null) {
            if (function.soqlFieldsParameter().STANDARD() == null) {
                throw errors.at(SoqlErrors.MALFORMED_QUERY, function, "The SOQL FIELDS function is not supported"
                        + " with an unbounded set of fields in this API.");
            }
            throw notEnabled("FIELDS(STANDARD) is not supported by the local org; list the fields to export.");
        }
        if (function.TOLABEL() != null || function.FORMAT() != null || function.CONVERT_CURRENCY() != null
                || function.DISTANCE() != null) {
            throw notEnabled(function.getStart().getText().toUpperCase() + "() is not supported by the local org;"
                    + " select the field itself.");
        }
        throw notEnabled(AGGREGATES);
    }

    private static SoqlException notEnabled(String message) {
        return SoqlErrors.plain(SoqlErrors.NOT_ENABLED, message);
    }
}
