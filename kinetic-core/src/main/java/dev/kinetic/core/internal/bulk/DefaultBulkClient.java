package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkClient;
import dev.kinetic.core.bulk.BulkExportResult;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobPage;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.BulkOptions;
import dev.kinetic.core.bulk.BulkQueryResult;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.internal.ClientConfig;
import dev.kinetic.core.internal.http.HttpTransport;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/** The implementation of {@link BulkClient}. */
public final class DefaultBulkClient implements BulkClient {
    private final HttpTransport transport;
    private final ClientConfig config;

    public DefaultBulkClient(HttpTransport transport, ClientConfig config) {
        this.transport = transport;
        this.config = config;
    }

    @Override
    public BulkResult ingest(String object, BulkOperation operation, Iterable<? extends Map<String, ?>> records,
                             BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkResult ingest(String object, BulkOperation operation, Path csvFile, BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkResult ingest(String object, BulkOperation operation, InputStream csv, BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkQueryResult query(String soql, BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkQueryResult queryAll(String soql, BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkRecordStream queryStream(String soql, boolean includeDeleted, BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkExportResult export(String soql, boolean includeDeleted, Path file, BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkJob getJob(String jobId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkResult awaitResult(String jobId, BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkResult awaitResult(String jobId, Path inputCsv, BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkJob awaitJob(String jobId, BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkJob abortJob(String jobId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void deleteJob(String jobId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public BulkJobPage listJobs(JobKind kind, String pageToken) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public InputStream successfulResults(String jobId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public InputStream failedResults(String jobId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public InputStream unprocessedRecords(String jobId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public InputStream queryResults(String jobId, BulkOptions options) {
        throw new UnsupportedOperationException("not yet");
    }
}
