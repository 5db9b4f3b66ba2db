package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.IncompleteResultException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the records of a finished query job page by page: one page's CSV buffer at a time, the repeated header
 * of later pages skipped. Each page is read through {@link VerifiedRows}, so a page that breaks off or comes up
 * short of its {@code Sforce-NumberOfRecords} is read again without handing out a row twice; at the end the total
 * is checked against the job's {@code numberRecordsProcessed} ({@link IncompleteResultException} if they differ).
 * Not thread-safe.
 */
final class QueryRecordStream implements BulkRecordStream {
    private final JobApi api;
    private final BulkJob job;
    private final CallOptions options;
    private final QueryPages pages;
    private final char delimiter;
    private VerifiedRows page;
    private List<String> columns = List.of();
    private long total;
    private boolean iterated;
    private boolean ended;

    QueryRecordStream(JobApi api, BulkJob job, CallOptions options) {
        this.api = api;
        this.job = job;
        this.options = options;
        this.pages = new QueryPages(api, job, options);
        this.delimiter = job.columnDelimiter().character();
    }

    @Override
    public List<String> columns() {
        if (page == null && total == 0 && columns.isEmpty() && !ended) {
            openNext();
        }
        return columns;
    }

    @Override
    public BulkJob job() {
        return job;
    }

    @Override
    public Iterator<BulkRecord> iterator() {
        if (iterated) {
            throw new IllegalStateException("A query stream can be iterated only once");
        }
        iterated = true;
        return new LookaheadIterator<>(this::advance);
    }

    private BulkRecord advance() {
        while (true) {
            if (page == null && !openNext()) {
                if (total != job.numberRecordsProcessed().orElse(0)) {
                    throw new IncompleteResultException(job, "query results", job.numberRecordsProcessed().orElse(0), total,
                            null);
                }
                return null;
            }
            List<String> v = page.next();
            if (v == null) {
                page.close();
                page = null;
                continue;
            }
            total++;
            options.onRecordsRead().accept(total);
            return BulkRecord.of(columns, pad(v), -1);
        }
    }

    private List<String> pad(List<String> v) {
        if (v.size() == columns.size()) {
            return v;
        }
        List<String> fixed = new ArrayList<>(v);
        while (fixed.size() < columns.size()) {
            fixed.add("");
        }
        return fixed.subList(0, columns.size());
    }

    private boolean openNext() {
        if (ended) {
            return false;
        }
        VerifiedRows.Body first;
        try {
            first = pages.next();
        } catch (BulkJobException e) {
            throw e;
        } catch (SalesforceException | UncheckedIOException e) {
            throw BulkJobException.after(e, List.of(job));
        }
        if (first == null) {
            ended = true;
            return false;
        }
        VerifiedRows.Body[] opened = {first};
        page = new VerifiedRows(api, job, "query results", () -> {
            VerifiedRows.Body b = opened[0] != null ? opened[0] : pages.reopen();
            opened[0] = null;
            return b;
        }, delimiter);
        if (columns.isEmpty()) {
            columns = page.header();
        }
        return true;
    }

    @Override
    public void close() {
        if (page != null) {
            page.close();
        }
        pages.close();
    }
}
