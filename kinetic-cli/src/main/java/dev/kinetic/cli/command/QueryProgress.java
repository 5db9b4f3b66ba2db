package dev.kinetic.cli.command;

import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.output.Progress;
import dev.kinetic.cli.output.Unit;
import dev.kinetic.core.bulk.BulkJob;

/**
 * The two bars of a query: "Query" while the library polls the job ({@code onProgress}), then "Export" once it
 * reads records ({@code onRecordsRead}). Called on the thread that runs the query. Not thread-safe.
 */
final class QueryProgress implements AutoCloseable {
    private final Console console;
    private Progress query;
    private Progress export;
    private long total;

    QueryProgress(Console console) {
        this.console = console;
        this.query = console.progress("Query", 0, Unit.RECORDS);
    }

    /** A poll of the job. */
    void job(BulkJob job) {
        total = job.numberRecordsProcessed().orElse(total);
        if (query != null) {
            query.update(total, job.state().name());
        }
    }

    /** Records read so far. */
    void read(long records) {
        if (export == null) {
            closeQuery();
            export = console.progress("Export", total, Unit.RECORDS);
        }
        export.update(records, "");
    }

    private void closeQuery() {
        if (query != null) {
            query.close();
            query = null;
        }
    }

    @Override
    public void close() {
        closeQuery();
        if (export != null) {
            export.close();
            export = null;
        }
    }
}
