package dev.kinetic.core.bulk;

import java.util.List;
import java.util.Locale;

/**
 * Fewer (or more) result rows arrived than the server said there are, even after reading them again: a query page
 * against its {@code Sforce-NumberOfRecords}, an export against the job's {@code numberRecordsProcessed}, an ingest
 * result set against the job's counters and the input's row count. The result is incomplete and is never reported
 * as a success. The job and its results stay on the server: read them again later.
 */
public class IncompleteResultException extends BulkJobException {
    private static final long serialVersionUID = 1L;

    /** Which result was short. */
    private final String what;
    /** The rows the server said there are. */
    private final long expected;
    /** The rows read. */
    private final long received;

    /**
     * Creates the exception.
     *
     * @param job the job whose result is short, as last seen
     * @param what which result, e.g. {@code successfulResults} or {@code query results}
     * @param expected the rows the server said there are
     * @param received the rows read (and handed out or written)
     * @param cause the last read failure, or {@code null}
     */
    public IncompleteResultException(BulkJob job, String what, long expected, long received, Throwable cause) {
        super(String.format(Locale.ROOT, "Job %s: read %,d of the %,d rows of its %s, even after reading again; "
                + "the result is incomplete, not a success; %s", job.id(), received, expected, what,
                describe(List.of(job))), List.of(job), cause);
        this.what = what;
        this.expected = expected;
        this.received = received;
    }

    /** {@return the job's id} */
    public String jobId() {
        return jobs().get(0).id();
    }

    /** {@return which result was short, e.g. {@code successfulResults}} */
    public String what() {
        return what;
    }

    /** {@return the rows the server said there are} */
    public long expected() {
        return expected;
    }

    /** {@return the rows read} */
    public long received() {
        return received;
    }
}
