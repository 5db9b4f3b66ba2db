package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.Database;
import java.time.Clock;
import java.util.Objects;

/**
 * Inserts, updates, upserts, deletes and hard-deletes records as Salesforce does, with its per-row errors.
 * Thread-safe.
 */
public final class DmlEngine {
    private final Database database;
    private final Clock clock;

    /**
     * @param database the org's database
     * @param clock the org's clock (CreatedDate, LastModifiedDate, SystemModstamp)
     */
    public DmlEngine(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Checks a job's header against the schema and returns the writer for its rows.
     *
     * @throws DmlJobFailure when the whole job must fail (unknown object or field, bad relationship column,
     *     upsert without its external id column…), with Salesforce's errorMessage
     */
    public DmlBatchWriter prepare(DmlRequest request) throws DmlJobFailure {
        throw new UnsupportedOperationException("DmlEngine is being built on branch emu-dml");
    }
}
