package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.IncompleteResultException;
import dev.kinetic.core.bulk.JobState;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Streams one kind of result rows over the jobs of a call, job after job, mapping each row to its input row.
 * Holds one job's input index (spilled to a spool file past {@code RowIndex.Spill.DEFAULT}'s rows; the file is
 * deleted when the stream moves to the next job or is closed, also after a failure, when an unclosed stream is
 * collected, and at exit at the latest) and one CSV buffer at a time. Each job's result set is read through
 * {@link VerifiedRows} against the count the job's counters imply (successful: processed minus failed; failed:
 * failed; unprocessed: the input rows minus processed, when the input is known), so a set that breaks off or
 * comes up short is read again without a row twice, and one that stays short throws
 * {@link dev.kinetic.core.bulk.IncompleteResultException}. Not thread-safe.
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
    private VerifiedRows rows;
    private List<String> columns = List.of();
    private Chunk chunk;
    private RowMatcher matcher;
    private boolean iterated;

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
            OptionalLong expected = expected(job, chunk);
            if (!hasResults(job)) {
                if (job.isTerminal() && expected.orElse(0) != 0) {
                    throw new IncompleteResultException(job, kind.path + " (the job's counters say "
                            + job.numberRecordsProcessed().orElse(0) + " of the input's " + chunk.rowCount() + " rows were "
                            + "processed)", expected.getAsLong(), 0, null);
                }
                continue;
            }
            boolean[] absent = {false};
            rows = new VerifiedRows(api, job, kind.path, () -> {
                try {
                    return new VerifiedRows.Body(api.ingestResults(job.id(), kind.path), expected);
                } catch (BulkApiException e) {
                    if (job.state().equals(JobState.ABORTED) || e.httpStatus() == 404) {
                        absent[0] = true; // an aborted job may have no result sets
                        return new VerifiedRows.Body(InputStream.nullInputStream(), OptionalLong.empty());
                    }
                    throw e;
                }
            }, job.columnDelimiter().character());
            List<String> header = rows.header();
            if (absent[0] || header.isEmpty()) {
                closeCurrent();
                continue;
            }
            columns = header;
            closeMatcher();
            return true;
        }
        return false;
    }

    /** The rows this result set must have, from the job's counters (and the input's row count if known). */
    private OptionalLong expected(BulkJob job, Chunk input) {
        // Ended ingest jobs always report both counters; an absent one is checked as 0, so rows fail the check.
        long processed = job.numberRecordsProcessed().orElse(0);
        long failed = job.numberRecordsFailed().orElse(0);
        return switch (kind) {
            case SUCCESS -> job.state().equals(JobState.ABORTED) ? OptionalLong.empty()
                    : OptionalLong.of(Math.max(0, processed - failed));
            case FAILED -> job.state().equals(JobState.ABORTED) ? OptionalLong.empty() : OptionalLong.of(failed);
            case UNPROCESSED -> input == null || !job.isTerminal() ? OptionalLong.empty()
                    : OptionalLong.of(Math.max(0, input.rowCount() - processed));
        };
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
        rows = null;
        closeMatcher();
    }

    private void closeMatcher() {
        if (matcher != null) {
            matcher.close();
        }
        matcher = null;
    }

    @Override
    public void close() {
        closeCurrent();
        next = jobs.size();
        java.lang.ref.Reference.reachabilityFence(owner);
    }
}
