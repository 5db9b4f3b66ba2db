package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.output.Unit;
import dev.kinetic.core.bulk.BulkExportResult;
import dev.kinetic.core.bulk.BulkInterruptedException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkTimeoutException;
import dev.kinetic.core.bulk.ColumnDelimiter;
import dev.kinetic.core.bulk.JobFailedException;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.LineEnding;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.core.internal.csv.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a query (or picks up a query job) through the library and streams its records to a file or standard output,
 * with progress bars and a summary: a CSV file comes straight from {@code BulkClient.export}, JSON and standard
 * output from {@code queryStream} (or, for an existing job, {@code queryResults}). Shared by {@code query},
 * {@code job wait}, {@code job results}, {@code demo} and {@code bench}. Not thread-safe.
 */
final class QueryFlow {
    private final OrgConnection org;
    private final Console console;
    private final CliContext context;
    private final PrintWriter stdout;
    private ColumnDelimiter delimiter = ColumnDelimiter.COMMA;
    private LineEnding lineEnding = LineEnding.LF;

    QueryFlow(OrgConnection org, Console console, CliContext context, PrintWriter stdout) {
        this.org = org;
        this.console = console;
        this.context = context;
        this.stdout = stdout;
    }

    /** The delimiter and line ending of new query jobs, and so of their CSV (default comma and LF). */
    QueryFlow format(ColumnDelimiter delimiter, LineEnding lineEnding) {
        this.delimiter = delimiter;
        this.lineEnding = lineEnding;
        return this;
    }

    /** The finished job and how many records went where (file null for standard output). */
    record Export(BulkJob job, long records, Path file, Duration elapsed) {
    }

    /**
     * Runs a query, exports it and prints the summary.
     *
     * @param out the target file, {@code -} for standard output, or null for {@code <jobId>.csv|json} in the
     *            results directory
     * @return the exit code
     */
    int query(String soql, boolean all, Instant started, Optional<Duration> timeout, boolean json, String out,
              Path resultsDir) {
        return summarize(run(soql, all, started, timeout, json, out, resultsDir));
    }

    /** Waits for an existing query job, exports it and prints the summary; {@code out} as for {@link #query}. */
    int job(String jobId, Instant started, Optional<Duration> timeout, boolean json, String out, Path resultsDir) {
        try (QueryProgress progress = new QueryProgress(console)) {
            QueryOptions options = options(false, timeout, progress);
            BulkJob job;
            try {
                job = org.bulk().awaitJob(jobId, options.poll());
            } catch (JobFailedException e) {
                progress.job(e.job());
                throw failed(e.job());
            }
            progress.job(job); // a job already over when the wait starts is not reported by the library
            Path target = target(out, resultsDir, jobId, json);
            // CsvRows, not FastCSV: FastCSV 4.0.0-4.2.0 misreads a quoted value holding a bare CR in LF-ended rows.
            try (InputStream body = org.bulk().queryResults(jobId, options);
                 CsvRows reader = new CsvRows(body, job.columnDelimiter().character());
                 QueryOutput output = QueryOutput.open(target, stdout, json, job)) {
                boolean header = true;
                for (List<String> record = reader.next(); record != null; record = reader.next()) {
                    if (header) {
                        output.header(record);
                        header = false;
                    } else {
                        output.row(record);
                    }
                }
                return summarize(new Export(job, output.records(), target, since(started)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the results of query job " + jobId + ": "
                        + e.getMessage(), e);
            }
        } catch (BulkTimeoutException | BulkInterruptedException e) {
            throw stillRunning(jobId, e);
        }
    }

    /** Runs a query and exports it (to standard output when {@code out} is {@code -}), without a summary. */
    Export run(String soql, boolean all, Instant started, Optional<Duration> timeout, boolean json, String out,
               Path resultsDir) {
        try (QueryProgress progress = new QueryProgress(console)) {
            QueryOptions options = options(all, timeout, progress);
            if (!json && !"-".equals(out)) {
                return toCsvFile(soql, started, out, resultsDir, options);
            }
            try (BulkRecordStream records = org.bulk().queryStream(soql, options)) {
                Path target = target(out, resultsDir, records.job().id(), json);
                try (QueryOutput output = QueryOutput.open(target, stdout, json, records.job())) {
                    Iterator<BulkRecord> rows = records.iterator();
                    rows.hasNext();
                    output.header(records.columns());
                    while (rows.hasNext()) {
                        output.row(rows.next().values());
                    }
                    return new Export(records.job(), output.records(), target, since(started));
                } catch (RuntimeException e) {
                    deleteQuietly(target); // a partial export must not look like a complete one
                    throw e;
                }
            }
        } catch (BulkTimeoutException e) {
            throw stillRunning(e.jobId(), e);
        } catch (BulkInterruptedException e) {
            throw stillRunning(e.jobId(), e);
        } catch (JobFailedException e) {
            throw failed(e.job());
        }
    }

    private Export toCsvFile(String soql, Instant started, String out, Path resultsDir, QueryOptions options) {
        Path named = out == null ? null : context.resolve(out);
        Path file = null;
        try {
            if (named == null) {
                Files.createDirectories(resultsDir);
                file = Files.createTempFile(resultsDir, "query-", ".csv.part");
            } else {
                Path parent = named.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
            BulkExportResult result;
            try {
                result = org.bulk().export(soql, named == null ? file : named, options);
            } catch (RuntimeException e) {
                if (named != null) {
                    Files.deleteIfExists(named); // a partial export must not look like a complete one
                }
                throw e;
            }
            Path target = named;
            if (target == null) {
                target = resultsDir.resolve(result.job().id() + ".csv");
                try {
                    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw cannotWrite(result.job(), target, e);
                }
            }
            return new Export(result.job(), result.recordCount(), target, since(started));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the query results in " + (named == null ? resultsDir
                    : named) + ": " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a left-over .part file is harmless
                }
            }
        }
    }

    // The job ran and its results are on the org; only this copy failed, so it is a give-up (6), not a usage error.
    private static CliException cannotWrite(BulkJob job, Path target, IOException e) {
        return new CliException(ExitCodes.NETWORK, "Cannot write the query results to " + target + ": "
                + e.getMessage() + ". Query job " + job.id() + " (last seen " + job.state().name()
                + ") is on the org: finish with: kinetic job results " + job.id()
                + " --results-dir <a writable directory>", e);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the error that brought us here is the one to report
            }
        }
    }

    private int summarize(Export export) {
        double seconds = Math.max(export.elapsed().toMillis(), 1) / 1000.0;
        if (export.file() != null) {
            console.summary(String.format(Locale.ROOT, "Job %s: %s in %.1f s (%,.0f records/s) to %s",
                    export.job().id(), Unit.records(export.records()), seconds, export.records() / seconds,
                    export.file()));
            Map<String, Object> summary = IngestCommand.jsonBase(org);
            summary.put("jobId", export.job().id());
            summary.put("state", export.job().state().name());
            summary.put("records", export.records());
            summary.put("seconds", seconds);
            summary.put("file", export.file().toString());
            console.jsonSummary(summary);
        }
        return ExitCodes.OK;
    }

    private QueryOptions options(boolean all, Optional<Duration> timeout, QueryProgress progress) {
        return QueryOptions.builder().includeDeleted(all).columnDelimiter(delimiter).lineEnding(lineEnding)
                .onRecordsRead(progress::read).poll(org.poll()
                .timeout(timeout.map(t -> t.isZero() || t.isNegative() ? Duration.ofMillis(1) : t).orElse(null))
                .onProgress(progress::job).build()).build();
    }

    private Path target(String out, Path resultsDir, String jobId, boolean json) {
        return "-".equals(out) ? null : out != null ? context.resolve(out)
                : resultsDir.resolve(jobId + (json ? ".json" : ".csv"));
    }

    private Duration since(Instant started) {
        return Duration.between(started, context.clock().instant());
    }

    private static CliException stillRunning(String jobId, RuntimeException cause) {
        return new CliException(ExitCodes.TIMEOUT, "Stopped waiting; query job " + jobId + " is still running. "
                + "Pick it up with: kinetic job results " + jobId, cause);
    }

    private static CliException failed(BulkJob job) {
        return new CliException(ExitCodes.JOB_FAILED, "Query job " + job.id() + " ended " + job.state().name()
                + job.errorMessage().map(m -> ": " + m).orElse(""), null);
    }
}
