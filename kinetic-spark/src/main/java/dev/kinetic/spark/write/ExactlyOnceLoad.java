package dev.kinetic.spark.write;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.BulkClient;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.PollOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads one partition's chunks so that no row is loaded twice whatever attempts of the partition run, fail, or run
 * at once. The protocol:
 * <ol>
 *   <li>The attempt claims the partition in its {@link Checkpoint}; if a later attempt holds it, it loads nothing.</li>
 *   <li>If the partition is {@code done}, the outcome recorded there is the result: nothing is loaded.</li>
 *   <li>Per chunk, the jobs recorded by earlier attempts are asked for their state: {@code Open} is aborted (its
 *       data is never processed), {@code UploadComplete}/{@code InProgress} is waited for, {@code JobComplete} is
 *       taken as the chunk's result; {@code Failed} stops the partition with the job's error.</li>
 *   <li>A chunk without a finished job is loaded through the library, whose {@code onJobCreated} records the job id
 *       (forced to disk) before any byte is uploaded, then checks that this attempt still holds the partition; if
 *       not, the library aborts the job and nothing of it is processed.</li>
 *   <li>The failed rows are copied (counted) to {@code failedRecordsPath}, and the outcome is recorded {@code done}.</li>
 * </ol>
 * Not thread-safe.
 */
final class ExactlyOnceLoad {
    private final SalesforceClient client;
    private final LoadSettings settings;
    private final Checkpoint checkpoint;
    private final PollOptions poll;
    private final int partition;

    ExactlyOnceLoad(SalesforceClient client, LoadSettings settings, Checkpoint checkpoint, PollOptions poll,
                    int partition) {
        this.client = client;
        this.settings = settings;
        this.checkpoint = checkpoint;
        this.poll = poll;
        this.partition = partition;
    }

    LoadReport run(List<Path> chunks, AttemptToken me) {
        checkpoint.claim().ifPresent(holder -> {
            throw new IllegalStateException("Attempt " + me + " of partition " + partition + " loads nothing: "
                    + "attempt " + holder + " has taken it over (" + checkpoint.dir() + ")");
        });
        Optional<String> done = checkpoint.done();
        if (done.isPresent()) {
            return LoadReport.parse(done.get(), true);
        }
        BulkClient bulk = client.bulk();
        long ok = 0;
        long failed = 0;
        boolean resumed = false;
        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Optional<String> earlier = finishedJob(i);
            BulkResult result;
            if (earlier.isPresent()) {
                resumed = true;
                result = bulk.attach(earlier.get()).await(poll);
            } else {
                result = load(i, chunks.get(i));
            }
            String jobId = result.job().id();
            jobIds.add(jobId);
            ok += result.successCount();
            failed += result.failedCount();
            if (result.failedCount() > 0 && settings.failedRecords().isPresent()) {
                FailedRows.copy(bulk, jobId, result.failedCount(), settings.failedRecords().get()
                        .resolve("partition-" + partition + "-chunk-" + i + "." + settings.failedRecordsFormat()
                                .extension()), settings.failedRecordsFormat());
            }
        }
        LoadReport report = new LoadReport(partition, ok, failed, jobIds, resumed);
        checkpoint.markDone(report.serialize());
        return report;
    }

    /** The job an earlier attempt finished for chunk I, after aborting or waiting for what it left. */
    private Optional<String> finishedJob(int chunk) {
        BulkClient bulk = client.bulk();
        for (String id : checkpoint.jobs(chunk)) {
            BulkJob job = bulk.getJob(id);
            if (job.state().equals(JobState.OPEN)) {
                try {
                    job = bulk.abortJob(id);
                } catch (BulkApiException e) {
                    job = bulk.getJob(id); // it moved on (closed by the attempt that made it) in the meantime
                }
            }
            if (job.state().equals(JobState.UPLOAD_COMPLETE) || job.state().equals(JobState.IN_PROGRESS)) {
                job = bulk.awaitJob(id, poll);
            }
            if (job.state().equals(JobState.JOB_COMPLETE)) {
                return Optional.of(id);
            }
            if (job.state().equals(JobState.FAILED)) {
                throw new IllegalStateException("Job " + id + " of partition " + partition + " (chunk " + chunk
                        + ") Failed: " + job.errorMessage().orElse("no message") + "; fix the cause, then clear "
                        + checkpoint.dir() + " and write again");
            }
            if (job.numberRecordsProcessed().orElse(0) > 0) {
                throw new IllegalStateException("Job " + id + " of partition " + partition + " was aborted after "
                        + "processing " + job.numberRecordsProcessed().getAsLong() + " rows; loading the chunk again "
                        + "could load them twice. Check the job's results, then clear " + checkpoint.dir());
            }
            // Aborted with nothing processed: as if it had never been made.
        }
        return Optional.empty();
    }

    private BulkResult load(int chunk, Path file) {
        IngestOptions options = IngestOptions.builder().maxBytesPerJob(LoadSettings.MAX_BYTES).parallelJobs(1)
                .poll(poll).onJobCreated(job -> {
                    checkpoint.recordJob(chunk, job.id());
                    if (!checkpoint.stillOwner()) {
                        throw new IllegalStateException("Partition " + partition + " was taken over by attempt "
                                + checkpoint.owner().map(Object::toString).orElse("?") + "; job " + job.id()
                                + " is aborted before any upload");
                    }
                }).build();
        BulkInput input = BulkInput.of(file);
        BulkClient bulk = client.bulk();
        return switch (settings.operation()) {
            case INSERT -> bulk.insert(settings.object(), input, options);
            case UPDATE -> bulk.update(settings.object(), input, options);
            case UPSERT -> bulk.upsert(settings.object(), input, settings.externalIdField(), options);
            case DELETE -> bulk.delete(settings.object(), input, options);
            case HARD_DELETE -> bulk.hardDelete(settings.object(), input, options);
            default -> throw new IllegalArgumentException("Not an ingest operation: " + settings.operation());
        };
    }
}
