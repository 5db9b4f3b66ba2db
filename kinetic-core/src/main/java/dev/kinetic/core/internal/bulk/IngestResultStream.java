package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.internal.csv.CsvRows;
import java.io.InputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Streams one kind of result rows over the jobs of a call, job after job, mapping each row to its input row.
 * Holds one job's input index and one CSV buffer at a time. Not thread-safe.
 */
final class IngestResultStream implements BulkRecordStream {
    private final JobApi api;
    private final List<BulkJob> jobs;
    private final List<Chunk> chunks; // parallel to jobs, or empty when the input is unknown
    private final ResultKind kind;
    private final String key;
    // Keeps the result (and so its spool files, deleted when it is collected) alive while rows are streamed.
    private final Object owner;
    private int next;
    private InputStream body;
    private CsvRows rows;
    private List<String> columns = List.of();
    private Chunk chunk;
    private RowMatcher matcher;
    private boolean iterated;
    private char delimiter;

    IngestResultStream(JobApi api, List<BulkJob> jobs, List<Chunk> chunks, ResultKind kind, String key,
                       Object owner) {
        this.owner = owner;
        this.api = api;
        this.jobs = jobs;
        this.chunks = chunks;
        this.kind = kind;
        this.key = key;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public BulkJob job() {
        return jobs.get(Math.max(0, Math.min(next - 1, jobs.size() - 1)));
    }

    @Override
    public Iterator<BulkRecord> iterator() {
        if (iterated) {
            throw new IllegalStateException("A result stream can be iterated only once");
        }
        iterated = true;
        return new LookaheadIterator<>(this::advance);
    }

    private BulkRecord advance() {
        while (true) {
            if (rows == null && !openNext()) {
                return null;
            }
            List<String> v = rows.next();
            if (v == null) {
                closeCurrent();
                continue;
            }
            if (v.size() != columns.size()) {
                List<String> fixed = new ArrayList<>(v);
                while (fixed.size() < columns.size()) {
                    fixed.add("");
                }
                v = fixed.subList(0, columns.size());
            }
            long index = -1;
            if (chunk != null) {
                if (matcher == null) {
                    matcher = RowMatcher.build(chunk, columns, key, chunk.delimiter(), kind.fromEnd);
                }
                index = matcher.match(v);
            }
            return BulkRecord.of(columns, v, index);
        }
    }

    private boolean openNext() {
        while (next < jobs.size()) {
            BulkJob job = jobs.get(next);
            chunk = chunks.isEmpty() ? null : chunks.get(next);
            next++;
            if (!hasResults(job)) {
                continue;
            }
            delimiter = job.columnDelimiter().character();
            try {
                body = api.ingestResults(job.id(), kind.path);
            } catch (BulkApiException e) {
                if (job.state().equals(JobState.ABORTED) || e.statusCode() == 404) {
                    continue; // an aborted job may have no result sets
                }
                throw e;
            }
            rows = new CsvRows(body, delimiter);
            List<String> header = rows.next();
            if (header == null) {
                closeCurrent();
                continue;
            }
            columns = List.copyOf(header);
            matcher = null;
            return true;
        }
        return false;
    }

    private boolean hasResults(BulkJob job) {
        JobState s = job.state();
        if (kind == ResultKind.UNPROCESSED) {
            return s.equals(JobState.FAILED) || s.equals(JobState.ABORTED);
        }
        return s.equals(JobState.JOB_COMPLETE) || s.equals(JobState.FAILED);
    }

    private void closeCurrent() {
        if (rows != null) {
            rows.close();
        }
        if (body != null) {
            try {
                body.close();
            } catch (IOException e) {
                // the rows were read
            }
        }
        rows = null;
        body = null;
        matcher = null;
    }

    @Override
    public void close() {
        closeCurrent();
        next = jobs.size();
        java.lang.ref.Reference.reachabilityFence(owner);
    }
}
