/**
 * The local org's SOQL engine: {@link dev.kinetic.emulator.soql.SoqlEngine} parses a query with apex-parser's SOQL
 * grammar, checks it against the schema, translates it into parameterised SQL over the org's H2 tables and streams
 * the rows.
 *
 * <p>Supported (the Bulk API 2.0 query subset): {@code SELECT} of fields and child-to-parent paths
 * ({@code Account.Owner.Email}, {@code Parent__r.Ext__c}; LEFT JOINs, so a missing parent gives empty values; a
 * polymorphic reference such as {@code Case.Owner} leads to the Name object, see {@code NameObject}) from one object,
 * optionally with an alias; {@code WHERE} with {@code = != <> < <= > >= LIKE IN NOT IN INCLUDES EXCLUDES},
 * {@code AND OR NOT} and parentheses; semi-joins and anti-joins ({@code Id IN (SELECT AccountId FROM Contact)}, see
 * {@code SemiJoin}); string, number, boolean, null, date, dateTime and time literals with SOQL's escape sequences
 * (see {@code SoqlStrings}) and date literals ({@code TODAY}, {@code LAST_N_DAYS:n}…); date functions in conditions
 * ({@code CALENDAR_YEAR(CreatedDate) = 2024}, {@code DAY_ONLY(CreatedDate) = TODAY}); {@code ORDER BY} several fields
 * with {@code ASC|DESC} and {@code NULLS FIRST|LAST}; {@code LIMIT}. Deleted records ({@code IsDeleted}) are left out
 * unless the query is a queryAll.
 *
 * <p>Semantics chosen to match SOQL: field and object names ignore case; the result header repeats the field names
 * as the query wrote them, in the query's order; text comparisons and {@code LIKE} ignore case; {@code !=} and
 * {@code NOT IN} also match null values and {@code NOT} is two-valued; a checkbox is never null ({@code = null} is
 * {@code = false}); a multi-select value compares in its stored form; ids may be given in their 15- or
 * 18-character form; a date literal is a range ({@code =} within, {@code <} before its start, {@code >} after its
 * end) on date and dateTime fields alike; text sorts ignoring case and nulls sort first unless {@code NULLS LAST}.
 * Date literals use UTC days, weeks from Sunday, calendar quarters, and a fiscal year equal to the calendar year.
 *
 * <p>Refused with an explicit error: aggregates, GROUP BY, HAVING, OFFSET, TYPEOF, child subqueries, compound fields
 * (as Bulk API 2.0 refuses them); semi-joins beyond SOQL's limits; non-date functions in WHERE,
 * toLabel/format/convertCurrency, FIELDS(STANDARD), WITH, USING SCOPE, FOR VIEW/UPDATE, several FROM objects and
 * currency literals (not supported by the local org).
 */
package dev.kinetic.emulator.soql;
