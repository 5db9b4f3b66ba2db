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
import java.util.stream.Collectors;

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

    /**
     * The most bytes one job of a load receives: 100,000,000, so that a job stays under both of Salesforce's limits
     * per job upload, 150 MB and 100,000,000 characters (a UTF-8 character is at least one byte). A bigger file is
     * split by the library into several jobs, loaded as one.
     */
    static final long DEFAULT_MAX_BYTES_PER_JOB = 100_000_000L;

    /**
     * What happened.
     *
     * @param job  the first job of the load
     * @param jobs every job of the load, in input order (one unless the file was split)
     */
    record Outcome(BulkJob job, long records, Optional<ResultFiles> files, Duration elapsed, int exitCode,
                   List<BulkJob> jobs) {
        /** The load's state: Failed or Aborted if any job ended so, else the first job's. */
        JobState state() {
            return LoadState.of(jobs);
        }

        /** The rows the org counts as processed (failed ones included), over every job; 0 where it gave none. */
        long orgProcessed() {
            return processed(jobs);
        }

        /** The rows the org counts as failed, over every job. */
        long orgFailed() {
            return failed(jobs);
        }

        /** The rows sent that the org does not count as processed. */
        long orgUnprocessed() {
            return Math.max(0, records - orgProcessed());
        }
    }

    private static long processed(List<BulkJob> jobs) {
        return jobs.stream().mapToLong(j -> j.numberRecordsProcessed().orElse(0)).sum();
    }

    private static long failed(List<BulkJob> jobs) {
        return jobs.stream().mapToLong(j -> j.numberRecordsFailed().orElse(0)).sum();
    }

    /**
     * The jobs of a load whose data is uploaded, with the number of records sent.
     *
     * @param handle the library's handle on the jobs when this command started them (null for a job picked up by id)
     */
    record JobUpload(List<BulkJob> jobs, long records, BulkJobHandle handle) {
        /** Copies the list. */
        JobUpload {
            jobs = List.copyOf(jobs);
        }

        /** A job picked up by id. */
        JobUpload(BulkJob job, long records) {
            this(List.of(job), records, null);
        }

        /** The first (often only) job. */
        BulkJob job() {
            return jobs.get(0);
        }
    }

    /**
     * Creates the job, uploads the file and closes the job; the library aborts the job if the upload fails. Files up
     * to 150 MB are one job, as {@code demo} and {@code bench} count on (they read the first job's counters).
     */
    JobUpload start(CsvInputFile input, String object, String operation, Optional<String> externalId) {
        return start(input, object, operation, externalId, IngestOptions.MAX_BYTES_PER_JOB_LIMIT);
    }

    /**
     * Creates the jobs (one per {@code maxBytesPerJob} of the file, split at row boundaries), uploads the file and
     * closes them; the library aborts the jobs if the upload fails.
     */
    JobUpload start(CsvInputFile input, String object, String operation, Optional<String> externalId,
                    long maxBytesPerJob) {
        long records = RecordCounter.count(input);
        IngestOptions.Builder options = IngestOptions.builder().poll(org.poll().build())
                .columnDelimiter(ColumnDelimiter.of(input.dialect().delimiter().character()))
                .lineEnding(LineEnding.valueOf(input.dialect().lineEnding().apiName()))
                .maxBytesPerJob(maxBytesPerJob);
        BulkInput data = BulkInput.of(input.path(), input.charset());
        BulkJobHandle started;
        try (Progress upload = console.progress("Upload", input.dataSize(), Unit.BYTES)) {
            started = start(org.bulk(), BulkOperation.fromWireName(operation), object, data, externalId,
                    options.onUploadProgress(n -> upload.update(n, "")).build());
        } catch (IllegalArgumentException e) {
            // the library proves the whole file decodes before it creates a job, naming the first bad line
            throw CliException.usage(e.getMessage().replace("as the input charset", "with --encoding"), e);
        }
        return new JobUpload(started.jobs(), records, started);
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
        List<BulkJob> jobs;
        BulkResult result = null;
        LoadProgress seen = new LoadProgress(upload.jobs());
        try (Progress processing = console.progress("Processing", upload.records(), Unit.RECORDS)) {
            Consumer<BulkJob> report = j -> {
                seen.update(j);
                processing.total(Math.max(upload.records(), seen.processed()));
                processing.update(seen.processed(), seen.failed() > 0 ? "failed " + seen.failed() : "");
            };
            PollOptions poll = org.poll().timeout(timeout.map(IngestFlow::positive).orElse(null))
                    .onProgress(report).build();
            if (upload.handle() != null) {
                result = upload.handle().await(poll);
                jobs = result.jobs();
            } else if (resultsDir == null) {
                jobs = List.of(org.bulk().awaitJob(id, poll));
            } else {
                BulkJobHandle handle = input.isPresent()
                        ? org.bulk().attach(id, BulkInput.of(input.get().path(), input.get().charset()))
                        : org.bulk().attach(id);
                result = handle.await(poll);
                jobs = result.jobs();
            }
            jobs.forEach(report); // a job already over when the wait starts is not reported by the library
        } catch (BulkTimeoutException | BulkInterruptedException e) {
            String ids = upload.jobs().stream().map(BulkJob::id).collect(Collectors.joining(", "));
            throw new CliException(ExitCodes.TIMEOUT, "Stopped waiting after " + timeout.map(Object::toString)
                    .orElse("an interrupt") + "; job" + (upload.jobs().size() == 1 ? " " : "s ") + ids
                    + (upload.jobs().size() == 1 ? " is" : " are") + " still running. Pick it up with: kinetic job "
                    + "wait " + id, e);
        } catch (JobFailedException e) {
            result = e.partialResult().orElse(null);
            seen.update(e.job());
            jobs = result != null ? result.jobs() : seen.jobs();
        } catch (IllegalArgumentException e) {
            // the library refuses an input file that cannot be this job's input (e.g. it lacks the key column)
            throw CliException.usage(e.getMessage() + " (give the file the job was loaded from with --file)", e);
        } catch (SalesforceException e) {
            // e.g. the sign-in or the network gave up while waiting: the job exists, so say which and how to finish
            throw BulkJobException.after(e, seen.jobs());
        }
        JobState state = LoadState.of(jobs);
        Optional<ResultFiles> files = Optional.empty();
        if (result != null && resultsDir != null && jobs.stream().noneMatch(j -> j.state().equals(JobState.ABORTED))) {
            files = Optional.of(write(id, jobs, result, input, resultsDir));
        }
        Duration elapsed = Duration.between(started, context.clock().instant());
        long records = Math.max(upload.records(), processed(jobs));
        int code = state.equals(JobState.JOB_COMPLETE)
                ? files.map(f -> f.failed() + f.unprocessed() > 0).orElse(failed(jobs) > 0 || processed(jobs) < records)
                        ? ExitCodes.SOME_ROWS_FAILED : ExitCodes.OK
                : ExitCodes.JOB_FAILED;
        return new Outcome(jobs.get(0), records, files, elapsed, code, jobs);
    }

    private ResultFiles write(String id, List<BulkJob> jobs, BulkResult result, Optional<CsvInputFile> input,
                              Path resultsDir) {
        char delimiter = input.map(i -> i.dialect().delimiter().character())
                .orElse(jobs.get(0).columnDelimiter().character());
        List<String> header = input.map(CsvInputFile::header).orElse(List.of());
        try {
            return new ResultWriter(resultsDir).write(id, result, delimiter, header);
        } catch (UncheckedIOException e) {
            // Not a usage error: the job exists and ran, only its files are missing (the directory was
            // checked before the job was created), so it is a give-up like a result read in part.
            throw new CliException(ExitCodes.NETWORK, e.getMessage() + ". Job " + id + " (last seen "
                    + LoadState.of(jobs).name() + ") is on the org: finish with: kinetic job results " + id
                    + " --results-dir <a writable directory>", e);
        }
    }

    /** The library takes positive timeouts only; {@code --timeout 0} means "look once". */
    private static Duration positive(Duration timeout) {
        return timeout.isZero() || timeout.isNegative() ? Duration.ofMillis(1) : timeout;
    }
}
