package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkClient;
import dev.kinetic.core.bulk.BulkExportResult;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.BulkJobPage;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.BulkOptions;
import dev.kinetic.core.bulk.BulkQueryResult;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.JobFailedException;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.internal.ClientConfig;
import dev.kinetic.core.internal.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The implementation of {@link BulkClient}: wires splitters, job runners, pollers and result readers. */
public final class DefaultBulkClient implements BulkClient {
    private final JobApi api;
    private final JobPoller poller;
    private final IngestCall ingest;

    /** Creates the client over a transport. */
    public DefaultBulkClient(HttpTransport transport, ClientConfig config) {
        this.api = new JobApi(transport);
        this.poller = new JobPoller(api, config.sleeper(), config.clock());
        this.ingest = new IngestCall(api, new IngestJobRunner(api, poller, config.maxRetries() + 1), poller);
    }

    @Override
    public BulkResult ingest(String object, BulkOperation operation, Iterable<? extends Map<String, ?>> records,
                             BulkOptions options) {
        check(object, operation, options);
        Objects.requireNonNull(records, "records == null");
        List<Chunk> chunks = MapSplitter.split(records, operation, options);
        List<? extends Map<String, ?>> originals = records instanceof List<? extends Map<String, ?>> l ? l : null;
        return ingest.run(object, operation, chunks, options, originals);
    }

    @Override
    public BulkResult ingest(String object, BulkOperation operation, Path csvFile, BulkOptions options) {
        check(object, operation, options);
        Objects.requireNonNull(csvFile, "csvFile == null");
        if (!Files.isReadable(csvFile)) {
            throw new IllegalArgumentException("Cannot read the CSV file " + csvFile + "; check the path");
        }
        return ingest.run(object, operation, split(csvFile, false, operation, options), options, null);
    }

    /** Splits a CSV input after proving it decodes in its character set, transcoding it to UTF-8 if needed. */
    private static List<Chunk> split(Path file, boolean spooled, BulkOperation op, BulkOptions options) {
        if (options.inputCharset().equals(StandardCharsets.UTF_8)) {
            InputText.check(file, StandardCharsets.UTF_8);
            return FileSplitter.split(file, spooled, op, options);
        }
        Path utf8 = InputText.toUtf8(file, options.inputCharset());
        if (spooled) {
            deleteQuietly(file);
        }
        try {
            return FileSplitter.split(utf8, true, op, options);
        } catch (RuntimeException e) {
            deleteQuietly(utf8);
            throw e;
        }
    }

    @Override
    public BulkResult ingest(String object, BulkOperation operation, InputStream csv, BulkOptions options) {
        check(object, operation, options);
        Objects.requireNonNull(csv, "csv == null");
        Path spool = SpoolDir.newFile("stream");
        try {
            Files.copy(csv, spool, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CSV stream: " + e.getMessage(), e);
        }
        try {
            return ingest.run(object, operation, split(spool, true, operation, options), options, null);
        } catch (IllegalArgumentException e) {
            deleteQuietly(spool);
            throw e;
        }
    }

    @Override
    public BulkQueryResult query(String soql, BulkOptions options) {
        return collect(queryStream(soql, false, options));
    }

    @Override
    public BulkQueryResult queryAll(String soql, BulkOptions options) {
        return collect(queryStream(soql, true, options));
    }

    @Override
    public BulkRecordStream queryStream(String soql, boolean includeDeleted, BulkOptions options) {
        return new QueryRecordStream(api, runQuery(soql, includeDeleted, options), options);
    }

    @Override
    public BulkExportResult export(String soql, boolean includeDeleted, Path file, BulkOptions options) {
        Objects.requireNonNull(file, "file == null");
        BulkJob job = runQuery(soql, includeDeleted, options);
        try {
            return QueryExporter.export(api, job, file, options);
        } catch (BulkJobException e) {
            throw e;
        } catch (SalesforceException | UncheckedIOException e) {
            throw BulkJobException.after(e, List.of(job));
        }
    }

    @Override
    public BulkJob getJob(String jobId) {
        return api.get(requireId(jobId));
    }

    @Override
    public BulkResult awaitResult(String jobId, BulkOptions options) {
        BulkJob job = awaitIngest(jobId, options);
        return finish(new DefaultBulkResult(api, List.of(job), List.of(), keyOf(job), null), job);
    }

    @Override
    public BulkResult awaitResult(String jobId, Path inputCsv, BulkOptions options) {
        Objects.requireNonNull(inputCsv, "inputCsv == null");
        BulkJob job = awaitIngest(jobId, options);
        BulkOperation op = BulkOperation.fromWireName(job.operation());
        BulkOptions fileOptions = options.toBuilder().columnDelimiter(job.columnDelimiter())
                .lineEnding(job.lineEnding()).externalIdField(job.externalIdFieldName().orElse(null))
                .maxBytesPerJob(BulkOptions.MAX_BYTES_PER_JOB_LIMIT).build();
        List<Chunk> chunks = split(inputCsv, false, op, fileOptions);
        if (chunks.size() != 1) {
            throw new IllegalArgumentException(inputCsv + " is bigger than one job can hold, so it cannot be the "
                    + "input of job " + jobId);
        }
        return finish(new DefaultBulkResult(api, List.of(job), chunks, keyOf(job), null), job);
    }

    @Override
    public BulkJob awaitJob(String jobId, BulkOptions options) {
        BulkJob job = api.get(requireId(jobId));
        return job.isTerminal() ? job : poller.await(job, options);
    }

    @Override
    public BulkJob abortJob(String jobId) {
        BulkJob job = api.get(requireId(jobId));
        return api.abort(job.kind(), jobId);
    }

    @Override
    public void deleteJob(String jobId) {
        BulkJob job = api.get(requireId(jobId));
        api.delete(job.kind(), jobId);
    }

    @Override
    public BulkJobPage listJobs(JobKind kind, String pageToken) {
        return api.list(Objects.requireNonNull(kind, "kind == null"), pageToken);
    }

    @Override
    public InputStream successfulResults(String jobId) {
        return api.ingestResults(requireId(jobId), ResultKind.SUCCESS.path);
    }

    @Override
    public InputStream failedResults(String jobId) {
        return api.ingestResults(requireId(jobId), ResultKind.FAILED.path);
    }

    @Override
    public InputStream unprocessedRecords(String jobId) {
        return api.ingestResults(requireId(jobId), ResultKind.UNPROCESSED.path);
    }

    @Override
    public InputStream queryResults(String jobId, BulkOptions options) {
        BulkJob job = api.get(JobKind.QUERY, requireId(jobId));
        Path tmp = SpoolDir.newFile("query");
        try {
            QueryExporter.export(api, job, tmp, options);
        } catch (BulkJobException e) {
            deleteQuietly(tmp);
            throw e;
        } catch (SalesforceException | UncheckedIOException e) {
            deleteQuietly(tmp);
            throw BulkJobException.after(e, List.of(job));
        }
        try {
            return new DeletingInputStream(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BulkJob runQuery(String soql, boolean all, BulkOptions options) {
        Objects.requireNonNull(soql, "soql == null");
        Objects.requireNonNull(options, "options == null");
        if (soql.isBlank()) {
            throw new IllegalArgumentException("The query is empty; give a SOQL SELECT");
        }
        BulkJob job = api.createQuery(soql, all, options);
        BulkJob done = poller.await(job, options);
        if (!done.state().equals(JobState.JOB_COMPLETE)) {
            throw new JobFailedException(done, null);
        }
        return done;
    }

    private BulkJob awaitIngest(String jobId, BulkOptions options) {
        BulkJob job = api.get(JobKind.INGEST, requireId(jobId));
        return job.isTerminal() ? job : poller.await(job, options);
    }

    private static BulkResult finish(DefaultBulkResult result, BulkJob job) {
        if (job.state().equals(JobState.FAILED) || job.state().equals(JobState.ABORTED)) {
            throw new JobFailedException(job, result);
        }
        return result;
    }

    private static String keyOf(BulkJob job) {
        if (job.operation().equals("upsert")) {
            return job.externalIdFieldName().orElse(null);
        }
        return job.operation().equals("insert") ? null : "Id";
    }

    private static BulkQueryResult collect(BulkRecordStream stream) {
        try (stream) {
            List<BulkRecord> all = new ArrayList<>();
            for (BulkRecord r : stream) {
                all.add(r);
            }
            return new BulkQueryResult(stream.job(), stream.columns(), all);
        }
    }

    private static void check(String object, BulkOperation op, BulkOptions options) {
        Objects.requireNonNull(object, "object == null");
        Objects.requireNonNull(op, "operation == null");
        Objects.requireNonNull(options, "options == null");
        if (object.isBlank()) {
            throw new IllegalArgumentException("The sObject name is empty; give one like \"Account\"");
        }
    }

    private static String requireId(String jobId) {
        Objects.requireNonNull(jobId, "jobId == null");
        if (jobId.isBlank()) {
            throw new IllegalArgumentException("The job id is empty");
        }
        return jobId.strip();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // deleted on exit
        }
    }
}
