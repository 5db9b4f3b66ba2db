package dev.kinetic.emulator;

import dev.kinetic.emulator.control.Progression;
import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.schema.Schema;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every part of a running local org shares: configuration, schema, database, clock, the directory for spooled
 * uploads and results, and the current job progression rule (changed by the control plane). Thread-safe.
 */
public final class OrgContext {
    private final LocalOrgConfig config;
    private final Database database;
    private final Path spoolDir;
    private final AtomicReference<Progression> progression;

    /**
     * @param config the org's configuration
     * @param database the open database (its schema is the org's schema)
     * @param spoolDir a directory for uploaded data and result files
     */
    public OrgContext(LocalOrgConfig config, Database database, Path spoolDir) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.database = Objects.requireNonNull(database, "database == null");
        this.spoolDir = Objects.requireNonNull(spoolDir, "spoolDir == null");
        this.progression = new AtomicReference<>(config.progression());
    }

    /** The configuration the org started with. */
    public LocalOrgConfig config() {
        return config;
    }

    /** The org's schema. */
    public Schema schema() {
        return database.schema();
    }

    /** The database of records (and of any store that keeps its own tables there). */
    public Database database() {
        return database;
    }

    /** The org's clock. */
    public Clock clock() {
        return config.clock();
    }

    /** Where uploads and results are spooled (under the data directory, or a temporary directory). */
    public Path spoolDir() {
        return spoolDir;
    }

    /** The current job progression rule. */
    public Progression progression() {
        return progression.get();
    }

    /** Changes the job progression rule for jobs that become ready from now on. */
    public void progression(Progression rule) {
        progression.set(Objects.requireNonNull(rule, "rule == null"));
    }
}
