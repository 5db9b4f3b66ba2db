package dev.kinetic.emulator.state;

import dev.kinetic.emulator.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's Bulk API 2.0 jobs: live {@link Job}s in memory, their metadata saved to the H2 table
 * {@code KINETIC_BULK_JOB} on every change of state (each save is a commit, durable when it returns; so they survive
 * a restart when the org has a data directory), their committed batches in the {@link BatchLog}, their data in
 * {@link JobFiles} under the spool directory. Thread-safe.
 */
public final class JobStore {
    private static final String TABLE = "KINETIC_BULK_JOB";
    private static final String COLUMNS = "ID, KIND, OPERATION, OBJECT_NAME, CREATED_BY, CREATED_DATE, MODSTAMP, "
            + "STATE, EXTERNAL_ID, ASSIGNMENT_RULE, API_VERSION, DELIMITER, LINE_ENDING, QUERY_TEXT, PROCESSED, "
            + "FAILED, PROCESSING_MS, ERROR_MESSAGE, UPLOADED, SEQ";

    private final Database database;
    private final Path spoolDir;
    private final BatchLog batches;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * Opens the store, creating its table and loading the jobs saved earlier.
     *
     * @param database the org's database
     * @param spoolDir the org's spool directory
     */
    public JobStore(Database database, Path spoolDir) {
        this.database = Objects.requireNonNull(database, "database == null");
        this.spoolDir = Objects.requireNonNull(spoolDir, "spoolDir == null");
        createTable();
        this.batches = new BatchLog(database);
        load();
    }

    /** The log of committed ingest batches. */
    public BatchLog batches() {
        return batches;
    }

    /** The next creation sequence number. */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** Adds a new job and saves it. */
    public Job add(JobInfo info) {
        Job job = new Job(info);
        jobs.put(info.id(), job);
        save(job);
        return job;
    }

    /** The job with this id (15 or 18 characters accepted as given), if it exists. */
    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every job of a kind, oldest first. */
    public List<Job> list(JobKind kind) {
        List<Job> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (j.info().kind() == kind) {
                out.add(j);
            }
        }
        out.sort(Comparator.comparingLong(j -> j.info().sequence()));
        return out;
    }

    /** Every job. */
    public Collection<Job> all() {
        return List.copyOf(jobs.values());
    }

    /** The spool files of a job. */
    public JobFiles files(String jobId) {
        return new JobFiles(spoolDir.resolve(jobId));
    }

    /**
     * Applies a change to a job and stores it before anyone can read the changed job: readers of
     * {@link Job#info()} wait on the same monitor, so no answer ever shows a state (JobComplete, Failed, Aborted,
     * UploadComplete, InProgress) or counters that a kill of the process could still take back.
     *
     * @param job the job
     * @param change changes the job; returns false when it changed nothing (then nothing is stored)
     * @return what {@code change} returned
     */
    public boolean update(Job job, java.util.function.Predicate<Job> change) {
        synchronized (job) {
            if (!change.test(job)) {
                return false;
            }
            save(job);
            return true;
        }
    }

    /** Saves a job's current metadata. */
    public void save(Job job) {
        synchronized (job) {
            if (jobs.containsKey(job.id())) {
                write(job.info());
            }
        }
    }

    private void write(JobInfo i) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("MERGE INTO " + TABLE + " (" + COLUMNS
                     + ") KEY (ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, i.id());
            s.setString(2, i.kind().name());
            s.setString(3, i.operation());
            s.setString(4, i.object());
            s.setString(5, i.createdById());
            s.setTimestamp(6, Timestamp.valueOf(i.createdDate().atOffset(ZoneOffset.UTC).toLocalDateTime()));
            s.setTimestamp(7, Timestamp.valueOf(i.systemModstamp().atOffset(ZoneOffset.UTC).toLocalDateTime()));
            s.setString(8, i.state().name());
            setOptional(s, 9, i.externalIdFieldName());
            setOptional(s, 10, i.assignmentRuleId());
            s.setDouble(11, i.apiVersion());
            s.setString(12, i.dialect().delimiter().name());
            s.setString(13, i.dialect().lineEnding().name());
            setOptional(s, 14, i.query());
            s.setLong(15, i.processed());
            s.setLong(16, i.failed());
            s.setLong(17, i.totalProcessingTime());
            setOptional(s, 18, i.errorMessage());
            s.setBoolean(19, i.uploaded());
            s.setLong(20, i.sequence());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save bulk job " + i.id() + ": " + e.getMessage(), e);
        }
    }

    /** Forgets a job and deletes its files. */
    public void remove(String jobId) {
        jobs.remove(jobId);
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE ID = ?")) {
            s.setString(1, jobId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete bulk job " + jobId + ": " + e.getMessage(), e);
        }
        batches.delete(jobId);
        files(jobId).delete();
    }

    /** Forgets every job and deletes every job file (the control plane's reset). */
    public void clear() {
        for (String id : List.copyOf(jobs.keySet())) {
            remove(id);
        }
    }

    private static void setOptional(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }

    private void createTable() {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (ID CHAR(18) PRIMARY KEY, KIND VARCHAR(10), "
                    + "OPERATION VARCHAR(20), OBJECT_NAME VARCHAR(255), CREATED_BY VARCHAR(40), CREATED_DATE TIMESTAMP(3), "
                    + "MODSTAMP TIMESTAMP(3), STATE VARCHAR(20), EXTERNAL_ID VARCHAR(255), ASSIGNMENT_RULE VARCHAR(40), "
                    + "API_VERSION DOUBLE PRECISION, DELIMITER VARCHAR(10), LINE_ENDING VARCHAR(4), "
                    + "QUERY_TEXT CHARACTER LARGE OBJECT, PROCESSED BIGINT, FAILED BIGINT, PROCESSING_MS BIGINT, "
                    + "ERROR_MESSAGE VARCHAR(32000), UPLOADED BOOLEAN, SEQ BIGINT)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the bulk job table: " + e.getMessage(), e);
        }
    }

    private void load() {
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + TABLE)) {
            while (rs.next()) {
                JobInfo info = new JobInfo(rs.getString(1), JobKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toLocalDateTime().toInstant(ZoneOffset.UTC),
                        rs.getTimestamp(7).toLocalDateTime().toInstant(ZoneOffset.UTC),
                        JobState.valueOf(rs.getString(8)), Optional.ofNullable(rs.getString(9)),
                        Optional.ofNullable(rs.getString(10)), rs.getDouble(11),
                        new CsvDialect(CsvDialect.Delimiter.valueOf(rs.getString(12)),
                                CsvDialect.LineEnding.valueOf(rs.getString(13))),
                        Optional.ofNullable(rs.getString(14)), rs.getLong(15), rs.getLong(16), rs.getLong(17),
                        Optional.ofNullable(rs.getString(18)), rs.getBoolean(19), rs.getLong(20));
                jobs.put(info.id(), new Job(info));
                sequence.accumulateAndGet(info.sequence(), Math::max);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the bulk jobs: " + e.getMessage(), e);
        }
    }
}
