package dev.kinetic.emulator.db;

import dev.kinetic.emulator.ids.IdGenerator;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The local org's H2 database: in memory when there is no data directory, file-backed under it otherwise. It creates
 * one table per sObject of the schema (see {@link SqlNames}), adds columns for fields that a newer schema brings, and
 * keeps the persistent id counter. Other stores create their own tables through {@link #connection()}.
 * Thread-safe: each caller takes its own pooled connection.
 */
public final class Database implements AutoCloseable {
    static {
        // H2 looks every value it reads up in a global cache of recent values, hashing each string: a quarter of the
        // time of a full-table export. Records are read far more often than the same value repeats; leave it off
        // unless the embedding application asked for it before H2 started.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private final String url;
    private final JdbcConnectionPool pool;
    private final Schema schema;
    private final IdGenerator ids;
    private final Map<String, WriteLane> writeLanes = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(String url, Schema schema) {
        this.url = url;
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        this.pool.setMaxConnections(64);
        this.schema = Objects.requireNonNull(schema, "schema == null");
        this.ids = new IdGenerator(this::reserveSerials);
        createTables();
    }

    /** An in-memory database that disappears when closed. */
    public static Database inMemory(Schema schema) {
        return new Database("jdbc:h2:mem:kinetic-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000",
                schema);
    }

    /**
     * A database stored under {@code dataDir/db}, created on first use and reopened later. Every commit is durable
     * against the death of the process when it returns ({@code WRITE_DELAY=0}: H2 writes the changes of the commit,
     * and of every commit before it, to the file before the commit returns, in the committing thread, so there is no
     * background writer whose queue a kill could lose). Nothing is forced to the disk ({@code fsync}): a crash of the
     * operating system or a power cut may still lose the last commits. H2's own shutdown hook is off
     * ({@code DB_CLOSE_ON_EXIT=FALSE}): the org closes the database once, after its jobs have stopped, instead of
     * H2 closing it under running batches when the JVM exits. Every file H2 makes there is mode 600 and every folder
     * 700 ({@link PrivateFilePath}).
     *
     * <p>{@code REUSE_SPACE=FALSE}: H2 writes every new chunk at the end of the file instead of into space freed by
     * older chunks. With reuse on, commits answered after a restart that followed a {@code SIGKILL} were found missing
     * at the next start (CrashRecoveryTest under load: the job created and closed by the second process was 404 in
     * the third; its chunks were in the file, written into freed blocks at the start of it, while the store header and
     * the last chunk's footer still named the last chunk of the first process, so opening the file ignored them). A
     * chunk at the end of the file is the one the footer there names, which H2 finds when it opens a file that was not
     * closed. The cost is a file that grows with what is written until a clean stop.
     */
    public static Database inDirectory(Path dataDir, Schema schema) {
        Path file = dataDir.toAbsolutePath().resolve("db").resolve("org");
        return new Database("jdbc:h2:" + PrivateFilePath.urlPrefix() + file
                + ";LOCK_TIMEOUT=30000;CACHE_SIZE=65536;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;REUSE_SPACE=FALSE", schema);
    }

    /** A pooled connection in auto-commit mode; close it when done. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The schema the tables were made from. */
    public Schema schema() {
        return schema;
    }

    /** The generator of new record ids, backed by the persistent counter. */
    public IdGenerator ids() {
        return ids;
    }

    /**
     * The lock that Bulk batches writing records of {@code type} take around their statements and their commit, so
     * that one batch at a time writes each object's table. H2's storage serves one writer per table far faster than
     * several that contend for the same B-tree pages (about 87,000 rows/s alone against 57,000 for two in parallel,
     * measured on two cores); batches still parse and convert in parallel outside the lock, and an insert that reads
     * nothing of its own object also resolves its rows and writes its result rows before it takes it, starting when
     * the lane is about to be free ({@link WriteLane#pace}).
     */
    public WriteLane writeLane(SObjectType type) {
        return writeLanes.computeIfAbsent(type.name().toLowerCase(Locale.ROOT), k -> new WriteLane());
    }

    /** Deletes every record of every sObject (the id counter keeps counting, so old ids are never reused). */
    public void deleteAllRecords() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            for (SObjectType t : schema.types()) {
                s.execute("TRUNCATE TABLE " + SqlNames.table(t));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear the local org's records: " + e.getMessage(), e);
        }
    }

    /** Closes the database once ({@code SHUTDOWN}, no compaction); later calls do nothing. */
    @Override
    public void close() {
        close(Compaction.NEVER);
    }

    /**
     * Closes the database once, first compacting a file store as {@code compaction} asks; later calls do nothing.
     * Compacting ({@code SHUTDOWN COMPACT}) copies the live data into a new file beside the store and then renames it
     * over the store in one step, so a process that dies while compacting leaves the old store whole (plus a
     * temporary file that the next compaction replaces). It takes time in proportion to the live data, not to the
     * file.
     */
    public void close(Compaction compaction) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // A connection of its own, not a pooled one: closing a pooled connection after SHUTDOWN rolls back on the
        // closed database, which H2 writes to its trace file (org.trace.db) as an error, a stack trace per close.
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute(compaction.applies(StoreFill.of(s)) ? "SHUTDOWN COMPACT" : "SHUTDOWN");
        } catch (SQLException e) {
            // Already shut down: nothing to release.
        }
        pool.dispose();
    }

    private void createTables() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE IF NOT EXISTS KINETIC_ID_SERIAL START WITH 1 INCREMENT BY 1");
            for (SObjectType t : schema.types()) {
                String table = SqlNames.table(t);
                s.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + SqlNames.column("Id")
                        + " CHARACTER VARYING(18) PRIMARY KEY)");
                for (FieldDef f : t.storedFields()) {
                    if (!f.name().equalsIgnoreCase("Id")) {
                        s.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + SqlNames.column(f) + ' '
                                + SqlNames.sqlType(f));
                    }
                }
                for (FieldDef f : t.storedFields()) {
                    boolean indexed = indexed(f);
                    String index = '"' + "IX_" + t.name().toUpperCase() + "_" + f.name().toUpperCase() + '"';
                    if (indexed) {
                        s.execute("CREATE INDEX IF NOT EXISTS " + index + " ON " + table + "(" + SqlNames.column(f)
                                + ")");
                    } else {
                        // A store made by an earlier version may have it; it only slows inserts down.
                        s.execute("DROP INDEX IF EXISTS " + index);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the local org's tables: " + e.getMessage(), e);
        }
    }

    /*
     * Only identifying fields that are not text get an index here. Every index costs on each insert: text external
     * ids, unique and idLookup fields are looked up (case-insensitively) through the DML engine's key columns and
     * their own index, and SOQL compares text as LOWER(column), which a plain index on the column cannot serve.
     * IsDeleted and CreatedDate are not indexed: two values, or one value per load, make poor indexes.
     */
    private static boolean indexed(FieldDef f) {
        boolean identifying = f.externalId() || f.unique() || (f.idLookup() && !f.name().equalsIgnoreCase("Id"));
        return identifying && !f.type().isText();
    }

    // Reserves `count` serials by moving the sequence on; returns the first of the block.
    private long reserveSerials(long count) {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("ALTER SEQUENCE KINETIC_ID_SERIAL INCREMENT BY " + count);
            try (ResultSet rs = s.executeQuery("SELECT NEXT VALUE FOR KINETIC_ID_SERIAL")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reserve record ids: " + e.getMessage(), e);
        }
    }
}
