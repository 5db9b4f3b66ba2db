package dev.kinetic.emulator;

import dev.kinetic.emulator.db.Compaction;
import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store of a local org's data directory, read or compacted without starting the org (no server, no job runs).
 * Each call opens the store and closes it before returning; it fails if a running org holds the store. Stateless.
 */
public final class LocalOrgStore {
    private LocalOrgStore() {
    }

    /**
     * What the store holds: the number of records of each object that has any, and of Bulk jobs.
     *
     * @param records records by object name, in name order, objects without records left out
     * @param jobs    Bulk API jobs (ingest and query) the org knows
     */
    public record Contents(Map<String, Long> records, long jobs) {
        /** Copies the map. */
        public Contents {
            records = Collections.unmodifiableMap(new TreeMap<>(records));
        }

        /** {@return the records of all objects} */
        public long totalRecords() {
            return records.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** {@return whether the data directory holds a store} */
    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(storeFile(dataDir));
    }

    /** {@return the store's file (H2's {@code org.mv.db}) under the data directory} */
    public static Path storeFile(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("db").resolve("org.mv.db");
    }

    /**
     * Counts the records of the default org's objects and the jobs.
     *
     * @throws IllegalStateException if there is no store, or it cannot be opened (e.g. a running org holds it)
     */
    public static Contents contents(Path dataDir) {
        Database database = open(dataDir);
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            Map<String, Long> records = new TreeMap<>();
            for (SObjectType t : database.schema().types()) {
                long n = count(s, SqlNames.table(t));
                if (n > 0) {
                    records.put(t.name(), n);
                }
            }
            return new Contents(records, count(s, "KINETIC_BULK_JOB"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the local org's store in " + dataDir + ": "
                    + e.getMessage(), e);
        } finally {
            database.close();
        }
    }

    /**
     * Rewrites the store with only its live data ({@code SHUTDOWN COMPACT}): every record, job and token stays.
     * The live data goes into a new file that replaces the store in one rename, so a process that dies meanwhile
     * leaves the old store whole.
     *
     * @throws IllegalStateException if there is no store, or it cannot be opened (e.g. a running org holds it)
     */
    public static void compact(Path dataDir) {
        open(dataDir).close(Compaction.ALWAYS);
    }

    private static Database open(Path dataDir) {
        if (!exists(dataDir)) {
            throw new IllegalStateException("No local org store in " + dataDir.toAbsolutePath());
        }
        try {
            return Database.inDirectory(dataDir, Schema.defaultOrg());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the local org's store in " + dataDir + " (is a local "
                    + "org or another kinetic command using it?): " + e.getMessage(), e);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1
                    || e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1) {
                return 0;
            }
            throw e;
        }
    }
}
