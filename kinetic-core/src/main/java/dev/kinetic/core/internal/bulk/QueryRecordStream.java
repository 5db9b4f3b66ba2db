package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkOptions;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.internal.csv.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the records of a finished query job page by page: one page's CSV buffer at a time, the repeated header
 * of later pages skipped. A page whose body breaks off is opened again and its rows already handed out skipped.
 * Not thread-safe.
 */
final class QueryRecordStream implements BulkRecordStream {
    private static final int MAX_PAGE_RETRIES = 3;

    private final BulkJob job;
    private final BulkOptions options;
    private final QueryPages pages;
    private final char delimiter;
    private InputStream body;
    private CsvRows rows;
    private List<String> columns = List.of();
    private long pageRows;
    private long total;
    private boolean iterated;

    QueryRecordStream(JobApi api, BulkJob job, BulkOptions options) {
        this.job = job;
        this.options = options;
        this.pages = new QueryPages(api, job, options);
        this.delimiter = job.columnDelimiter().character();
    }

    @Override
    public List<String> columns() {
        if (rows == null && total == 0 && columns.isEmpty()) {
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
        int retries = 0;
        while (true) {
            if (rows == null && !openNext()) {
                return null;
            }
            List<String> v;
            try {
                v = rows.next();
            } catch (UncheckedIOException e) {
                if (++retries > MAX_PAGE_RETRIES) {
                    throw e;
                }
                reopenPage();
                continue;
            }
            if (v == null) {
                closeCurrent();
                continue;
            }
            pageRows++;
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
        while (true) {
            InputStream in = pages.next();
            if (in == null) {
                return false;
            }
            body = in;
            rows = new CsvRows(in, delimiter);
            pageRows = 0;
            List<String> header = rows.next();
            if (header == null) {
                closeCurrent();
                continue;
            }
            if (columns.isEmpty()) {
                columns = List.copyOf(header);
            }
            return true;
        }
    }

    private void reopenPage() {
        long skip = pageRows;
        closeCurrent();
        body = pages.reopen();
        rows = new CsvRows(body, delimiter);
        rows.next(); // header
        for (long i = 0; i < skip; i++) {
            rows.next();
        }
    }

    private void closeCurrent() {
        if (rows != null) {
            rows.close();
        }
        if (body != null) {
            try {
                body.close();
            } catch (IOException e) {
                // done with it
            }
        }
        rows = null;
        body = null;
    }

    @Override
    public void close() {
        closeCurrent();
        pages.close();
    }
}
