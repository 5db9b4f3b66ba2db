package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.IncompleteResultException;
import dev.kinetic.core.internal.csv.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the rows of one CSV result body (a query page, an ingest result set) and hands out only rows it can prove:
 * a row is handed out once the next one has been parsed, and the last one only when the body ended with a line
 * break and the row count matches the count the server announced. A body that breaks off, ends mid-row or comes up
 * short is opened again from its start with the client's back-off, the rows already handed out are skipped (the
 * server sends a result in the same order every time), and reading goes on; when it stays short, it throws
 * {@link IncompleteResultException}. So the caller never gets a row twice, a cut row, or a short result as complete.
 * Not thread-safe.
 */
final class VerifiedRows implements AutoCloseable {
    /** Opens the body from its start, each time it is asked. */
    interface Opener {
        Body open();
    }

    /** An opened body and the rows the server says it has, if it said. */
    record Body(InputStream in, OptionalLong expected) {
    }

    private final JobApi api;
    private final BulkJob job;
    private final String what;
    private final Opener opener;
    private final char delimiter;
    private TailStream tail;
    private CsvRows rows;
    private OptionalLong expected = OptionalLong.empty();
    private List<String> header;
    private List<String> pending;
    private long delivered;
    private int rereads;
    private boolean done;
    private boolean skippedShort;
    private long lastInBody; // the most whole rows one reading of the body held, for the message

    VerifiedRows(JobApi api, BulkJob job, String what, Opener opener, char delimiter) {
        this.api = api;
        this.job = job;
        this.what = what;
        this.opener = opener;
        this.delimiter = delimiter;
    }

    /** The header row, opening the body if needed; empty for an empty body. */
    List<String> header() {
        if (rows == null && !done) {
            openOrReread();
        }
        return header == null ? List.of() : header;
    }

    /** The rows handed out so far. */
    long delivered() {
        return delivered;
    }

    /** The next proven row, or {@code null} at the proven end. */
    List<String> next() {
        while (!done) {
            if (rows == null) {
                openOrReread();
                continue;
            }
            List<String> row;
            try {
                row = rows.next();
            } catch (UncheckedIOException e) {
                reread(e);
                continue;
            }
            if (row != null) {
                List<String> out = pending;
                pending = row;
                if (out != null) {
                    delivered++;
                    return out;
                }
                continue;
            }
            long inBody = delivered + (pending == null ? 0 : 1);
            if (tail.endedCleanly()) {
                lastInBody = Math.max(lastInBody, inBody); // whole rows only: a cut last row is no row
            }
            boolean complete = !skippedShort && tail.endedCleanly() && (header != null || expected.orElse(0) == 0)
                    && (expected.isEmpty() || expected.getAsLong() == inBody);
            if (!complete) {
                reread(null);
                continue;
            }
            if (pending != null) {
                List<String> out = pending;
                pending = null;
                delivered++;
                return out;
            }
            done = true;
            closeBody();
        }
        return null;
    }

    private void openOrReread() {
        try {
            open(null);
        } catch (UncheckedIOException e) {
            reread(e);
        }
    }

    private void open(Throwable previous) {
        closeBody();
        Body body;
        try {
            body = opener.open();
        } catch (BulkJobException e) {
            throw e;
        } catch (SalesforceException e) {
            if (previous != null) {
                e.addSuppressed(previous);
            }
            throw BulkJobException.after(e, List.of(job));
        }
        expected = body.expected();
        tail = new TailStream(body.in());
        rows = new CsvRows(tail, delimiter);
        pending = null;
        skippedShort = false;
        List<String> h = rows.next();
        if (header == null) {
            header = h == null ? null : List.copyOf(h);
        }
        for (long i = 0; i < delivered; i++) {
            if (rows.next() == null) {
                skippedShort = true; // shorter than before: the end-of-body check reads it again
                return;
            }
        }
    }

    private void reread(Throwable cause) {
        if (rereads >= api.maxRereads()) {
            long received = Math.max(delivered, lastInBody);
            close();
            throw new IncompleteResultException(job, what, expected.orElse(received), received, cause);
        }
        api.pauseBeforeReread(rereads++);
        try {
            open(cause);
        } catch (UncheckedIOException e) {
            reread(e);
        }
    }

    private void closeBody() {
        if (rows != null) {
            try {
                rows.close();
            } catch (UncheckedIOException e) {
                // done with it
            }
        }
        if (tail != null) {
            try {
                tail.close();
            } catch (IOException e) {
                // done with it
            }
        }
        rows = null;
        tail = null;
    }

    @Override
    public void close() {
        closeBody();
        done = true;
    }
}
