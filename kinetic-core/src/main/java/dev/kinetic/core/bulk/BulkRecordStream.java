package dev.kinetic.core.bulk;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Rows read from the server as they arrive, in bounded memory: query records or ingest result rows. Iterate it
 * once, and close it (try-with-resources) to release the connection. Not thread-safe.
 */
public interface BulkRecordStream extends Iterable<BulkRecord>, AutoCloseable {
    /** {@return the column names of the rows (known once the first page has been read; empty if there are no rows)} */
    List<String> columns();

    /** {@return the job the rows come from} */
    BulkJob job();

    /**
     * The rows; can be called only once.
     *
     * @throws IllegalStateException on a second call
     * @throws dev.kinetic.core.SalesforceException while iterating, if reading fails
     */
    @Override
    Iterator<BulkRecord> iterator();

    /** {@return the rows as a sequential {@link Stream}; closing the stream closes this} */
    default Stream<BulkRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** Releases the connection; idempotent. */
    @Override
    void close();
}
