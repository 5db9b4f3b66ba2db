package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.bulk.JobInfo;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.output.Progress;
import dev.kinetic.cli.output.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Waits for a query job and streams its records to a file or standard output, with a progress bar and a summary.
 * Shared by {@code query}, {@code job wait}, {@code job results} and {@code demo}. Not thread-safe.
 */
final class QueryFlow {
    private final OrgConnection org;
    private final Console console;
    private final CliContext context;
    private final PrintWriter stdout;

    QueryFlow(OrgConnection org, Console console, CliContext context, PrintWriter stdout) {
        this.org = org;
        this.console = console;
        this.context = context;
        this.stdout = stdout;
    }

    /** The finished job and how many records went where. */
    record Export(JobInfo job, long records, Path file, Duration elapsed) {
    }

    /**
     * Waits, exports, and prints the summary.
     *
     * @param out        the target file, {@code -} for standard output, or null for {@code <jobId>.csv|json} in
     *                   the results directory
     * @return the exit code
     */
    int export(String jobId, Instant started, Optional<Duration> timeout, boolean json, String out,
               Path resultsDir) {
        boolean toStdout = "-".equals(out);
        Path target = toStdout ? null : out != null ? context.resolve(out)
                : resultsDir.resolve(jobId + (json ? ".json" : ".csv"));
        Export export = run(jobId, started, timeout, json, target);
        double seconds = Math.max(export.elapsed().toMillis(), 1) / 1000.0;
        if (!toStdout) {
            console.summary(String.format(Locale.ROOT, "Job %s: %,d records in %.1f s (%,.0f records/s) to %s",
                    jobId, export.records(), seconds, export.records() / seconds, target));
            Map<String, Object> summary = IngestCommand.jsonBase(org);
            summary.put("jobId", jobId);
            summary.put("state", export.job().state());
            summary.put("records", export.records());
            summary.put("seconds", seconds);
            summary.put("file", target.toString());
            console.jsonSummary(summary);
        }
        return ExitCodes.OK;
    }

    /** Waits and exports to a file (or standard output when {@code target} is null), without a summary. */
    Export run(String jobId, Instant started, Optional<Duration> timeout, boolean json, Path target) {
        Optional<JobInfo> done;
        try (Progress processing = console.progress("Query", 0, Unit.RECORDS)) {
            done = org.waiter(context).await(jobId, true, timeout,
                    j -> processing.update(j.numberRecordsProcessed(), j.state()));
        }
        if (done.isEmpty()) {
            throw new CliException(ExitCodes.TIMEOUT, "Stopped waiting; query job " + jobId + " is still running. "
                    + "Pick it up with: kinetic job results " + jobId, null);
        }
        JobInfo job = done.get();
        if (!"JobComplete".equals(job.state())) {
            throw new CliException(ExitCodes.JOB_FAILED, "Query job " + jobId + " ended " + job.state()
                    + job.errorMessage().map(m -> ": " + m).orElse(""), null);
        }
        long records;
        try (Progress export = console.progress("Export", job.numberRecordsProcessed(), Unit.RECORDS)) {
            if (target == null) {
                records = QueryExport.write(org.jobs(), jobId, new StdoutStream(stdout), json, export);
            } else {
                Path parent = target.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (OutputStream file = Files.newOutputStream(target)) {
                    records = QueryExport.write(org.jobs(), jobId, file, json, export);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        return new Export(job, records, target, Duration.between(started, context.clock().instant()));
    }
}
