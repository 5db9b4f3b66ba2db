package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkError;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.JobState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The result of one ingest call. Counts come from the jobs; rows are read from Salesforce when asked for and
 * mapped to input rows through the chunks, which stay readable while the {@link SpoolGuard} is held. Thread-safe.
 */
final class DefaultBulkResult implements BulkResult {
    private final JobApi api;
    private final List<BulkJob> jobs;
    private final List<Chunk> chunks;
    private final String key;
    private final List<? extends Map<String, ?>> originalRows;
    private final SpoolGuard spools;
    private List<BulkRecord> success;
    private List<BulkRecord> failed;
    private List<BulkRecord> unprocessed;

    DefaultBulkResult(JobApi api, List<BulkJob> jobs, List<Chunk> chunks, String key,
                      List<? extends Map<String, ?>> originalRows, SpoolGuard spools) {
        this.api = api;
        this.jobs = List.copyOf(jobs);
        this.chunks = List.copyOf(chunks);
        this.key = key;
        this.originalRows = originalRows;
        this.spools = spools;
    }

    @Override
    public BulkJob job() {
        return jobs.get(0);
    }

    @Override
    public List<BulkJob> jobs() {
        return jobs;
    }

    @Override
    public long successCount() {
        return jobs.stream().mapToLong(j -> j.numberRecordsSucceeded().orElse(0)).sum();
    }

    @Override
    public long failedCount() {
        return jobs.stream().mapToLong(j -> j.numberRecordsFailed().orElse(0)).sum();
    }

    @Override
    public long unprocessedCount() {
        if (jobs.stream().allMatch(j -> j.state().equals(JobState.JOB_COMPLETE))) {
            return 0;
        }
        synchronized (this) {
            if (unprocessed != null) {
                return unprocessed.size();
            }
        }
        // Counted while streaming, so a count of millions of rows holds none of them.
        long count = 0;
        try (BulkRecordStream s = stream(ResultKind.UNPROCESSED)) {
            for (BulkRecord ignored : s) {
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized List<BulkRecord> successRecords() {
        if (success == null) {
            success = readAll(ResultKind.SUCCESS);
        }
        return success;
    }

    @Override
    public synchronized List<BulkRecord> failedRecords() {
        if (failed == null) {
            failed = readAll(ResultKind.FAILED);
        }
        return failed;
    }

    @Override
    public synchronized List<BulkRecord> unprocessedRecords() {
        if (unprocessed == null) {
            unprocessed = readAll(ResultKind.UNPROCESSED);
        }
        return unprocessed;
    }

    @Override
    public List<BulkError> errors() {
        List<BulkError> errors = new ArrayList<>();
        for (BulkRecord r : failedRecords()) {
            errors.add(BulkError.of(r));
        }
        return Collections.unmodifiableList(errors);
    }

    @Override
    public List<Map<String, Object>> failedRecordsForRetry() {
        return RetryRows.of(failedRecords(), chunks, originalRows);
    }

    @Override
    public BulkRecordStream streamSuccessRecords() {
        return stream(ResultKind.SUCCESS);
    }

    @Override
    public BulkRecordStream streamFailedRecords() {
        return stream(ResultKind.FAILED);
    }

    @Override
    public BulkRecordStream streamUnprocessedRecords() {
        return stream(ResultKind.UNPROCESSED);
    }

    private BulkRecordStream stream(ResultKind kind) {
        return new IngestResultStream(api, jobs, chunks, kind, key, spools);
    }

    private List<BulkRecord> readAll(ResultKind kind) {
        List<BulkRecord> all = new ArrayList<>();
        try (BulkRecordStream s = stream(kind)) {
            for (BulkRecord r : s) {
                all.add(r);
            }
        }
        return Collections.unmodifiableList(all);
    }

    @Override
    public String toString() {
        return "BulkResult[jobs=" + jobs.stream().map(j -> j.id() + ":" + j.state()).toList() + ", success="
                + successCount() + ", failed=" + failedCount() + "]";
    }
}
