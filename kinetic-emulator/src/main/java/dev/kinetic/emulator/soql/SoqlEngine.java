package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.db.Database;
import java.time.Clock;
import java.util.Objects;

/** Parses SOQL with apex-parser's grammar and turns it into SQL over the org's tables. Thread-safe. */
public final class SoqlEngine {
    private final Database database;
    private final Clock clock;

    /**
     * @param database the org's database
     * @param clock the org's clock, for date literals such as {@code TODAY}
     */
    public SoqlEngine(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Parses and checks a query.
     *
     * @param soql the query text
     * @param queryAll whether deleted records are included ({@code queryAll})
     * @throws SoqlException for syntax errors, unknown objects or fields, and SOQL that Bulk API 2.0 rejects
     */
    public PreparedQuery prepare(String soql, boolean queryAll) throws SoqlException {
        throw new UnsupportedOperationException("SoqlEngine is being built on branch emu-soql");
    }
}
