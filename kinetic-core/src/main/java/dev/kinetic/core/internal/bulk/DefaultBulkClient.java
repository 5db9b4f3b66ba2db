package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkClient;
import dev.kinetic.core.bulk.BulkExportResult;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.BulkJobHandle;
import dev.kinetic.core.bulk.BulkJobPage;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.BulkQueryResult;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.JobFailedException;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.PollOptions;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.core.bulk.RecordType;
import dev.kinetic.core.internal.bind.RecordReader;
import dev.kinetic.core.internal.ClientConfig;
import dev.kinetic.core.internal.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The implementation of {@link BulkClient}: wires splitters, job runners, pollers and result readers. */
public final class DefaultBulkClient implements BulkClient {
    private final JobApi api;
    private final JobPoller poller;
    private final IngestCall ingest;

    /** Creates the client over a transport. */
    public DefaultBulkClient(HttpTransport transport, ClientConfig config) {
        this.api = new JobApi(transport);
        this.poller = new JobPoller(api, config.sleeper(), config.clock());
        this.ingest = new IngestCall(new IngestJobRunner(api, poller, config.maxRetries() + 1), poller,
                config.executor());
    }

    @Override
    public BulkResult insert(String object, BulkInput input, IngestOptions options) {
        return run(object, BulkOperation.INSERT, input, null, options);
    }

    @Override
    public BulkJobHandle startInsert(String object, BulkInput input, IngestOptions options) {
        return start(object, BulkOperation.INSERT, input, null, options);
    }

    @Override
    public BulkResult update(String object, BulkInput input, IngestOptions options) {
        return run(object, BulkOperation.UPDATE, input, null, options);
    }

    @Override
    public BulkJobHandle startUpdate(String object, BulkInput input, IngestOptions options) {
        return start(object, BulkOperation.UPDATE, input, null, options);
    }

    @Override
    public BulkResult upsert(String object, BulkInput input, String externalIdField, IngestOptions options) {
        return run(object, BulkOperation.UPSERT, input, requireField(externalIdField), options);
    }

    @Override
    public BulkJobHandle startUpsert(String object, BulkInput input, String externalIdField, IngestOptions options) {
        return start(object, BulkOperation.UPSERT, input, requireField(externalIdField), options);
    }

    @Override
    public BulkResult delete(String object, BulkInput input, IngestOptions options) {
        return run(object, BulkOperation.DELETE, input, null, options);
    }

    @Override
    public BulkJobHandle startDelete(String object, BulkInput input, IngestOptions options) {
        return start(object, BulkOperation.DELETE, input, null, options);
    }

    @Override
    public BulkResult hardDelete(String object, BulkInput input, IngestOptions options) {
        return run(object, BulkOperation.HARD_DELETE, input, null, options);
    }

    @Override
    public BulkJobHandle startHardDelete(String object, BulkInput input, IngestOptions options) {
        return start(object, BulkOperation.HARD_DELETE, input, null, options);
    }

    private BulkResult run(String object, BulkOperation op, BulkInput input, String externalIdField,
                           IngestOptions options) {
        CallOptions call = callOptions(object, input, externalIdField, options, true);
        List<Chunk> chunks = InputChunks.of(input, op, call);
        SpoolGuard spools = new SpoolGuard(chunks);
        List<BulkJob> jobs = ingest.run(object, op, chunks, call);
        return IngestCall.checked(new DefaultBulkResult(api, jobs, chunks, KeyColumns.keyFor(op, call), InputChunks.originals(input),
                spools));
    }

    private BulkJobHandle start(String object, BulkOperation op, BulkInput input, String externalIdField,
                                IngestOptions options) {
        CallOptions call = callOptions(object, input, externalIdField, options, false);
        List<Chunk> chunks = InputChunks.of(input, op, call);
        SpoolGuard spools = new SpoolGuard(chunks);
        List<BulkJob> jobs = ingest.run(object, op, chunks, call);
        return new DefaultJobHandle(api, poller, jobs, chunks, KeyColumns.keyFor(op, call), InputChunks.originals(input), spools,
                options.poll());
    }

    private static CallOptions callOptions(String object, BulkInput input, String externalIdField,
                                           IngestOptions options, boolean wait) {
        Objects.requireNonNull(object, "object == null");
        Objects.requireNonNull(input, "input == null");
        Objects.requireNonNull(options, "options == null");
        if (object.isBlank()) {
            throw new IllegalArgumentException("The sObject name is empty; give one like \"Account\"");
        }
        return OptionsMapper.ingest(options, externalIdField, InputChunks.charsetOf(input), wait);
    }

    @Override
    public BulkQueryResult query(String soql, QueryOptions options) {
        return collect(queryStream(soql, options));
    }

    @Override
    public BulkRecordStream queryStream(String soql, QueryOptions options) {
        CallOptions call = OptionsMapper.query(Objects.requireNonNull(options, "options == null"));
        return new QueryRecordStream(api, runQuery(soql, options.includeDeleted(), call), call);
    }

    @Override
    public <T> List<T> query(String soql, RecordType<T> type, QueryOptions options) {
        try (Stream<T> objects = queryStream(soql, type, options)) {
            return objects.toList();
        }
    }

    @Override
    public <T> Stream<T> queryStream(String soql, RecordType<T> type, QueryOptions options) {
        Objects.requireNonNull(type, "type == null");
        RecordReader<T> reader = new RecordReader<>(type);
        return queryStream(soql, options).stream().map(reader::read);
    }

    @Override
    public BulkExportResult export(String soql, Path file, QueryOptions options) {
        Objects.requireNonNull(file, "file == null");
        CallOptions call = OptionsMapper.query(Objects.requireNonNull(options, "options == null"));
        BulkJob job = runQuery(soql, options.includeDeleted(), call);
        try {
            return QueryExporter.export(api, job, file, call);
        } catch (BulkJobException e) {
            throw e;
        } catch (SalesforceException | UncheckedIOException e) {
            throw BulkJobException.after(e, List.of(job));
        }
    }

    @Override
    public BulkJobHandle attach(String jobId) {
        BulkJob job = api.get(JobKind.INGEST, requireId(jobId));
        return new DefaultJobHandle(api, poller, List.of(job), List.of(), keyOf(job), null, new SpoolGuard(List.of()),
                PollOptions.defaults());
    }

    @Override
    public BulkJobHandle attach(String jobId, BulkInput input) {
        Objects.requireNonNull(input, "input == null");
        BulkJob job = api.get(JobKind.INGEST, requireId(jobId));
        BulkOperation op = job.operation();
        if (op.kind() != JobKind.INGEST) {
            throw new IllegalArgumentException("Job " + jobId + " is a " + op.wireName() + " job; attach picks up "
                    + "ingest jobs (read a query job with queryResults)");
        }
        CallOptions inputOptions = CallOptions.builder().columnDelimiter(job.columnDelimiter())
                .lineEnding(job.lineEnding()).externalIdField(job.externalIdFieldName().orElse(null))
                .maxBytesPerJob(CallOptions.MAX_BYTES_PER_JOB_LIMIT).inputCharset(InputChunks.charsetOf(input)).build();
        List<Chunk> chunks = InputChunks.of(input, op, inputOptions);
        if (chunks.size() != 1) {
            chunks.forEach(c -> c.source().deleteSpool());
            throw new IllegalArgumentException("The input is bigger than one job can hold, so it cannot be the "
                    + "input of job " + jobId + "; give the rows that were uploaded to that job");
        }
        return new DefaultJobHandle(api, poller, List.of(job), chunks, keyOf(job), InputChunks.originals(input),
                new SpoolGuard(chunks), PollOptions.defaults());
    }

    @Override
    public BulkJob getJob(String jobId) {
        return api.get(requireId(jobId));
    }

    @Override
    public BulkJob awaitJob(String jobId, PollOptions poll) {
        Objects.requireNonNull(poll, "poll == null");
        BulkJob job = api.get(requireId(jobId));
        BulkJob done = job.isTerminal() ? job : poller.await(job, OptionsMapper.poll(poll));
        if (done.state().equals(JobState.FAILED) || done.state().equals(JobState.ABORTED)) {
            throw new JobFailedException(done, null);
        }
        return done;
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
    public InputStream queryResults(String jobId, QueryOptions options) {
        Objects.requireNonNull(options, "options == null");
        if (options.includeDeleted()) {
            throw new IllegalArgumentException("includeDeleted does not apply to queryResults: job " + jobId
                    + " already is a query or a queryAll; leave it false");
        }
        CallOptions call = OptionsMapper.query(options);
        BulkJob job = api.get(JobKind.QUERY, requireId(jobId));
        if (!job.isTerminal()) {
            job = poller.await(job, call);
        }
        if (!job.state().equals(JobState.JOB_COMPLETE)) {
            throw new JobFailedException(job, null);
        }
        BulkJob done = job;
        Path tmp = SpoolDir.newFile("query");
        try {
            QueryExporter.export(api, done, tmp, call);
        } catch (BulkJobException e) {
            InputChunks.deleteQuietly(tmp);
            throw e;
        } catch (SalesforceException | UncheckedIOException e) {
            InputChunks.deleteQuietly(tmp);
            throw BulkJobException.after(e, List.of(done));
        }
        try {
            return new DeletingInputStream(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public BulkJob runQuery(String soql, QueryOptions options) {
        Objects.requireNonNull(options, "options == null");
        return runQuery(soql, options.includeDeleted(), OptionsMapper.query(options));
    }

    @Override
    public Optional<List<String>> queryResultPageUrls(String jobId, QueryOptions options) {
        Objects.requireNonNull(options, "options == null");
        return new ResultPageReader(api).pageUrls(requireId(jobId), options.maxRecordsPerPage());
    }

    @Override
    public InputStream queryResultPage(String jobId, String pageUrl) {
        return new ResultPageReader(api).page(requireId(jobId), Objects.requireNonNull(pageUrl, "pageUrl == null"));
    }

    private BulkJob runQuery(String soql, boolean all, CallOptions options) {
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

    private static String keyOf(BulkJob job) {
        if (job.operation() == BulkOperation.UPSERT) {
            return job.externalIdFieldName().orElse(null);
        }
        return job.operation() == BulkOperation.INSERT ? null : "Id";
    }

    private static BulkQueryResult collect(BulkRecordStream stream) {
        try (stream) {
            List<BulkRecord> all = new ArrayList<>();
            for (BulkRecord r : stream) {
                all.add(r);
            }
            return BulkQueryResult.of(stream.job(), stream.columns(), all);
        }
    }

    private static String requireField(String externalIdField) {
        Objects.requireNonNull(externalIdField, "externalIdField == null");
        if (externalIdField.isBlank()) {
            throw new IllegalArgumentException("The external id field is empty; give one like \"External_Key__c\"");
        }
        return externalIdField;
    }

    private static String requireId(String jobId) {
        Objects.requireNonNull(jobId, "jobId == null");
        if (jobId.isBlank()) {
            throw new IllegalArgumentException("The job id is empty");
        }
        return jobId.strip();
    }

}
