package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.bulk.JobInfo;
import dev.kinetic.cli.bulk.JobsApi;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.output.Progress;
import dev.kinetic.cli.output.Unit;
import dev.kinetic.cli.results.ResultFiles;
import dev.kinetic.cli.results.ResultWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One ingest job from a CSV file: create the job in the file's dialect, stream the file up (upload bar), close it,
 * wait (processing bar), then write the result files. Shared by the ingest commands, {@code demo} and
 * {@code bench}. Not thread-safe.
 */
final class IngestFlow {
    private final OrgConnection org;
    private final Console console;
    private final CliContext context;

    IngestFlow(OrgConnection org, Console console, CliContext context) {
        this.org = org;
        this.console = console;
        this.context = context;
    }

    /** What happened. */
    record Outcome(JobInfo job, long records, Optional<ResultFiles> files, Duration elapsed, int exitCode) {
    }

    /** Creates, uploads and closes the job; returns it with the number of records sent. */
    JobUpload start(CsvInputFile input, String object, String operation, Optional<String> externalId) {
        JobsApi jobs = org.jobs();
        JobInfo job = jobs.createIngest(object, operation, externalId.orElse(null), input.dialect());
        CountingInputStream[] counter = new CountingInputStream[1];
        try (Progress upload = console.progress("Upload", input.dataSize(), Unit.BYTES)) {
            jobs.upload(job.id(), () -> {
                try {
                    counter[0] = new CountingInputStream(input.openData(), n -> upload.update(n, ""));
                    return counter[0];
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            abortQuietly(job);
            throw e;
        }
        JobInfo closed = jobs.close(job.id());
        return new JobUpload(closed, counter[0] == null ? 0 : counter[0].records());
    }

    /** A job whose data is uploaded. */
    record JobUpload(JobInfo job, long records) {
    }

    /**
     * Waits for an uploaded job and writes its result files.
     *
     * @param resultsDir where result files go, or null to skip them (bench)
     */
    Outcome finish(JobUpload upload, Optional<CsvInputFile> input, Optional<String> keyColumn, Optional<Duration> timeout,
                   Path resultsDir, Instant started) {
        String id = upload.job().id();
        Optional<JobInfo> done;
        try (Progress processing = console.progress("Processing", upload.records(), Unit.RECORDS)) {
            done = org.waiter(context).await(id, false, timeout, job -> {
                processing.total(Math.max(upload.records(), job.numberRecordsProcessed()));
                processing.update(job.numberRecordsProcessed(), job.numberRecordsFailed() > 0
                        ? "failed " + job.numberRecordsFailed() : "");
            });
        }
        if (done.isEmpty()) {
            throw new CliException(ExitCodes.TIMEOUT, "Stopped waiting after " + timeout.map(Object::toString)
                    .orElse("an interrupt") + "; job " + id + " is still running. Pick it up with: kinetic job wait "
                    + id, null);
        }
        JobInfo job = done.get();
        Optional<ResultFiles> files = Optional.empty();
        if (resultsDir != null && !"Aborted".equals(job.state())) {
            files = Optional.of(new ResultWriter(org.jobs(), resultsDir).write(id, input, keyColumn));
        }
        Duration elapsed = Duration.between(started, context.clock().instant());
        int code = switch (job.state()) {
            case "JobComplete" -> files.map(f -> f.failed() + f.unprocessed() > 0).orElse(
                    job.numberRecordsFailed() > 0) ? ExitCodes.SOME_ROWS_FAILED : ExitCodes.OK;
            default -> ExitCodes.JOB_FAILED;
        };
        return new Outcome(job, Math.max(upload.records(), job.numberRecordsProcessed()), files, elapsed, code);
    }

    private void abortQuietly(JobInfo job) {
        try {
            org.jobs().abort(job);
        } catch (RuntimeException ignored) {
            // The upload already failed; that is the error to report.
        }
    }
}
