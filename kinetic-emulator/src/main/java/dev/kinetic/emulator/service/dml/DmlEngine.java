package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.schema.SObjectType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inserts, updates, upserts, deletes and hard-deletes records as Salesforce does, with its per-row errors.
 * {@link #prepare} checks a job's header once (see {@link HeaderPlanner} for the job failures and their texts) and
 * returns a writer for its batches; the writer checks each row (see {@link RowErrors} for the {@code sf__Error}
 * texts) and writes a batch in one transaction. Choices where Salesforce's behaviour is not documented:
 * <ul>
 *   <li>an upsert key repeated in one batch: the later row fails with
 *       {@code DUPLICATE_EXTERNAL_ID:Duplicate external id specified: <value>:<Field> --}</li>
 *   <li>a blank upsert key inserts; an {@code Id} upsert key naming no record fails with INVALID_CROSS_REFERENCE_KEY
 *   </li>
 *   <li>update/delete rows without an Id fail with {@code MISSING_ARGUMENT:Id not specified in an update call:--}
 *       ({@code … in a delete call} for deletes)</li>
 *   <li>a success row echoes {@code #N/A} and relationship cells as uploaded, other values as stored</li>
 *   <li>records in the recycle bin keep no claim on unique values and are not matched by upsert or lookups</li>
 *   <li>objects without {@code IsDeleted} (User) are removed by delete as by hardDelete</li>
 * </ul>
 * Thread-safe: writers of one or several jobs may write batches concurrently.
 */
public final class DmlEngine {
    private final Database database;
    private final Clock clock;
    private final Set<String> preparedTypes = ConcurrentHashMap.newKeySet();

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
        Objects.requireNonNull(request, "request == null");
        JobPlan plan = HeaderPlanner.plan(database.schema(), request);
        prepareTables(plan.type());
        for (ColumnPlan c : plan.columns()) {
            if (c.isLookup()) {
                prepareTables(c.parent());
            }
        }
        return new EngineBatchWriter(database, clock, plan);
    }

    // Key columns, unique indexes and auto-number sequences, created once per object (each engine checks once).
    private void prepareTables(SObjectType type) {
        if (preparedTypes.contains(type.name())) {
            return;
        }
        synchronized (database) { // engines of one org share its tables: one of them adds the key columns
            if (preparedTypes.contains(type.name())) {
                return;
            }
            try (Connection c = database.connection()) {
                KeyColumns.ensure(c, type);
                AutoNumbers.ensure(c, type);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the table of " + type.name() + ": " + e.getMessage(),
                        e);
            }
            preparedTypes.add(type.name());
        }
    }
}
