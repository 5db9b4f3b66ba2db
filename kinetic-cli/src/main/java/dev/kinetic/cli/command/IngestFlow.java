package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.output.Progress;
import dev.kinetic.cli.output.Unit;
import dev.kinetic.cli.results.ResultFiles;
import dev.kinetic.cli.results.ResultWriter;
import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkClient;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkInterruptedException;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobHandle;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.BulkTimeoutException;
import dev.kinetic.core.bulk.ColumnDelimiter;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.JobFailedException;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.JobStateException;
import dev.kinetic.core.bulk.LineEnding;
import dev.kinetic.core.bulk.PollOptions;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One ingest job from a CSV file through the library's {@link dev.kinetic.core.bulk.BulkClient}: upload the file
 * in its own dialect (upload bar), wait (processing bar), then write the result files with rows mapped to the
 * input by the library. Shared by the ingest commands, {@code demo}, {@code bench} and {@code job wait|results}.
 * Not thread-safe.
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
    record Outcome(BulkJob job, long records, Optional<ResultFiles> files, Duration elapsed, int exitCode) {
    }

    /** A job whose data is uploaded, with the number of records sent. */
    record JobUpload(BulkJob job, long records) {
    }

    /** Creates the job, uploads the file and closes the job; the library aborts the job if the upload fails. */
    JobUpload start(CsvInputFile input, String object, String operation, Optional<String> externalId) {
        long records = RecordCounter.count(input);
        IngestOptions.Builder options = IngestOptions.builder().poll(org.poll().build())
                .columnDelimiter(ColumnDelimiter.of(input.dialect().delimiter().character()))
                .lineEnding(LineEnding.valueOf(input.dialect().lineEnding().apiName()))
                .maxBytesPerJob(IngestOptions.MAX_BYTES_PER_JOB_LIMIT);
        BulkInput data = BulkInput.of(input.path(), input.charset());
        BulkJobHandle started;
        try (Progress upload = console.progress("Upload", input.dataSize(), Unit.BYTES)) {
            started = start(org.bulk(), BulkOperation.fromWireName(operation), object, data, externalId,
                    options.onUploadProgress(n -> upload.update(n, "")).build());
        } catch (IllegalArgumentException e) {
            // the library proves the whole file decodes before it creates a job, naming the first bad line
            throw CliException.usage(e.getMessage().replace("as the input charset", "with --encoding"), e);
        }
        return new JobUpload(started.jobs().get(0), records);
    }

    private static BulkJobHandle start(BulkClient bulk, BulkOperation op, String object, BulkInput data,
                                       Optional<String> externalId, IngestOptions options) {
        return switch (op) {
            case INSERT -> bulk.startInsert(object, data, options);
            case UPDATE -> bulk.startUpdate(object, data, options);
            case UPSERT -> bulk.startUpsert(object, data, externalId.orElseThrow(() -> CliException.usage(
                    "upsert needs --external-id FIELD", null)), options);
            case DELETE -> bulk.startDelete(object, data, options);
            case HARD_DELETE -> bulk.startHardDelete(object, data, options);
            case QUERY, QUERY_ALL -> throw new IllegalStateException(op.wireName() + " is not an ingest operation");
        };
    }

    /**
     * Waits for an uploaded job and writes its result files.
     *
     * @param input      the uploaded file, if known (without it the {@code row} column stays empty)
     * @param resultsDir where result files go, or null to skip them (bench)
     */
    Outcome finish(JobUpload upload, Optional<CsvInputFile> input, Optional<Duration> timeout, Path resultsDir,
                   Instant started) {
        String id = upload.job().id();
        BulkJob job;
        BulkResult result = null;
        try (Progress processing = console.progress("Processing", upload.records(), Unit.RECORDS)) {
            Consumer<BulkJob> report = j -> {
                if (j.state().equals(JobState.OPEN) && !upload.job().state().equals(JobState.OPEN)) {
                    // This command closed the job, so Open again means the org lost its progress: never wait on it.
                    throw new JobStateException("Job " + id + " went from " + upload.job().state().name()
                            + " back to Open (as after a server restart that lost its progress)", j, false);
                }
                long processed = j.numberRecordsProcessed().orElse(0);
                long failed = j.numberRecordsFailed().orElse(0);
                processing.total(Math.max(upload.records(), processed));
                processing.update(processed, failed > 0 ? "failed " + failed : "");
            };
            PollOptions poll = org.poll().timeout(timeout.map(IngestFlow::positive).orElse(null))
                    .onProgress(report).build();
            if (resultsDir == null) {
                job = org.bulk().awaitJob(id, poll);
            } else {
                BulkJobHandle handle = input.isPresent()
                        ? org.bulk().attach(id, BulkInput.of(input.get().path(), input.get().charset()))
                        : org.bulk().attach(id);
                result = handle.await(poll);
                job = result.job();
            }
            report.accept(job); // a job already over when the wait starts is not reported by the library
        } catch (BulkTimeoutException | BulkInterruptedException e) {
            throw new CliException(ExitCodes.TIMEOUT, "Stopped waiting after " + timeout.map(Object::toString)
                    .orElse("an interrupt") + "; job " + id + " is still running. Pick it up with: kinetic job wait "
                    + id, e);
        } catch (JobFailedException e) {
            job = e.job();
            result = e.partialResult().orElse(null);
        } catch (IllegalArgumentException e) {
            // the library refuses an input file that cannot be this job's input (e.g. it lacks the key column)
            throw CliException.usage(e.getMessage() + " (give the file the job was loaded from with --file)", e);
        } catch (SalesforceException e) {
            // e.g. the sign-in or the network gave up while waiting: the job exists, so say which and how to finish
            throw BulkJobException.after(e, List.of(upload.job()));
        }
        Optional<ResultFiles> files = Optional.empty();
        if (result != null && !job.state().equals(JobState.ABORTED)) {
            char delimiter = input.map(i -> i.dialect().delimiter().character())
                    .orElse(job.columnDelimiter().character());
            List<String> header = input.map(CsvInputFile::header).orElse(List.of());
            try {
                files = Optional.of(new ResultWriter(resultsDir).write(id, result, delimiter, header));
            } catch (UncheckedIOException e) {
                // Not a usage error: the job exists and ran, only its files are missing (the directory was
                // checked before the job was created), so it is a give-up like a result read in part.
                throw new CliException(ExitCodes.NETWORK, e.getMessage() + ". Job " + id + " (last seen "
                        + job.state().name() + ") is on the org: finish with: kinetic job results " + id
                        + " --results-dir <a writable directory>", e);
            }
        }
        Duration elapsed = Duration.between(started, context.clock().instant());
        BulkJob done = job;
        int code = job.state().equals(JobState.JOB_COMPLETE)
                ? files.map(f -> f.failed() + f.unprocessed() > 0).orElse(done.numberRecordsFailed().orElse(0) > 0)
                        ? ExitCodes.SOME_ROWS_FAILED : ExitCodes.OK
                : ExitCodes.JOB_FAILED;
        return new Outcome(job, Math.max(upload.records(), job.numberRecordsProcessed().orElse(0)), files, elapsed,
                code);
    }

    /** The library takes positive timeouts only; {@code --timeout 0} means "look once". */
    private static Duration positive(Duration timeout) {
        return timeout.isZero() || timeout.isNegative() ? Duration.ofMillis(1) : timeout;
    }
}
