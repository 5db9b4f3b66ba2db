package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.db.Database;
import java.time.Clock;
import java.util.Objects;

/**
 * Parses SOQL with apex-parser's grammar and turns it into SQL over the org's tables. Supports the Bulk API 2.0
 * query subset (field lists with parent paths, WHERE, ORDER BY, LIMIT) and refuses the rest with Salesforce-style
 * errors; see {@link SoqlException} for the codes and {@code DateLiterals} for the date-literal conventions.
 * Thread-safe.
 */
public final class SoqlEngine {
    private final Database database;
    private final DateLiterals dates;

    /**
     * @param database the org's database
     * @param clock the org's clock, for date literals such as {@code TODAY}
     */
    public SoqlEngine(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database == null");
        this.dates = new DateLiterals(Objects.requireNonNull(clock, "clock == null"));
    }

    /**
     * Parses and checks a query. Date literals are resolved now, at the clock's current time.
     *
     * @param soql the query text
     * @param queryAll whether deleted records are included ({@code queryAll})
     * @throws SoqlException for syntax errors, unknown objects or fields, and SOQL that Bulk API 2.0 rejects
     */
    public PreparedQuery prepare(String soql, boolean queryAll) throws SoqlException {
        Objects.requireNonNull(soql, "soql == null");
        return new QueryRunner(database, SoqlTranslator.translate(soql, database.schema(), dates, queryAll, false));
    }

    /**
     * Parses and checks a query for the REST API's {@code /query}: the same SOQL as {@link #prepare}, whose rows
     * also carry the record's Id and its parents' Ids so they nest into records ({@link PreparedQuery#layout()}).
     *
     * @throws SoqlException as {@link #prepare}
     */
    public PreparedQuery prepareForRest(String soql, boolean queryAll) throws SoqlException {
        Objects.requireNonNull(soql, "soql == null");
        return new QueryRunner(database, SoqlTranslator.translate(soql, database.schema(), dates, queryAll, true));
    }
}
