package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobHandle;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.BulkTimeoutException;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.PollOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The handle of an ingest call that was not waited on, or of a job picked up by id. Waiting goes through the same
 * poller, and the result through the same {@link DefaultBulkResult} and {@link IngestCall#checked} as a waiting
 * call, so a Failed or Aborted job throws the same exception everywhere. Thread-safe.
 */
final class DefaultJobHandle implements BulkJobHandle {
    private final JobApi api;
    private final JobPoller poller;
    private final AtomicReferenceArray<BulkJob> jobs;
    private final List<Chunk> chunks; // parallel to jobs, or empty when the input is not known
    private final String key;
    private final List<? extends Map<String, ?>> originalRows;
    private final SpoolGuard spools;
    private final PollOptions poll;

    DefaultJobHandle(JobApi api, JobPoller poller, List<BulkJob> jobs, List<Chunk> chunks, String key,
                     List<? extends Map<String, ?>> originalRows, SpoolGuard spools, PollOptions poll) {
        this.api = api;
        this.poller = poller;
        this.jobs = new AtomicReferenceArray<>(jobs.toArray(new BulkJob[0]));
        this.chunks = List.copyOf(chunks);
        this.key = key;
        this.originalRows = originalRows;
        this.spools = spools;
        this.poll = poll;
    }

    @Override
    public String jobId() {
        return jobs.get(0).id();
    }

    @Override
    public List<String> jobIds() {
        return jobs().stream().map(BulkJob::id).toList();
    }

    @Override
    public List<BulkJob> jobs() {
        List<BulkJob> list = new ArrayList<>(jobs.length());
        for (int i = 0; i < jobs.length(); i++) {
            list.add(jobs.get(i));
        }
        return List.copyOf(list);
    }

    @Override
    public List<BulkJob> poll() {
        for (int i = 0; i < jobs.length(); i++) {
            jobs.set(i, api.get(JobKind.INGEST, jobs.get(i).id()));
        }
        return jobs();
    }

    @Override
    public boolean isDone() {
        return jobs().stream().allMatch(BulkJob::isTerminal);
    }

    @Override
    public BulkResult await() {
        return await(poll);
    }

    @Override
    public BulkResult await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout == null");
        return await(poll.toBuilder().timeout(timeout).build());
    }

    @Override
    public BulkResult await(PollOptions options) {
        Objects.requireNonNull(options, "poll == null");
        long start = System.nanoTime();
        for (int i = 0; i < jobs.length(); i++) {
            BulkJob job = jobs.get(i);
            if (job.isTerminal()) {
                continue;
            }
            PollOptions left = options;
            if (options.timeout().isPresent()) {
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                Duration remaining = options.timeout().get().minus(waited);
                if (remaining.isNegative() || remaining.isZero()) {
                    throw new BulkTimeoutException(job, waited);
                }
                left = options.toBuilder().timeout(remaining).build();
            }
            jobs.set(i, poller.await(job, OptionsMapper.poll(left)));
        }
        return IngestCall.checked(new DefaultBulkResult(api, jobs(), chunks, key, originalRows, spools));
    }

    @Override
    public List<BulkJob> cancel() {
        for (int i = 0; i < jobs.length(); i++) {
            BulkJob job = jobs.get(i);
            if (job.isTerminal()) {
                continue;
            }
            try {
                jobs.set(i, api.abort(JobKind.INGEST, job.id()));
            } catch (BulkApiException e) {
                // The job may have ended between the last look and the abort; then it keeps its final state.
                BulkJob now = api.get(JobKind.INGEST, job.id());
                if (!now.isTerminal()) {
                    throw e;
                }
                jobs.set(i, now);
            }
        }
        return jobs();
    }

    @Override
    public String toString() {
        return "BulkJobHandle" + jobs().stream().map(j -> j.id() + ":" + j.state().name()).toList();
    }
}
