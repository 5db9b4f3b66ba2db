package dev.kinetic.cli.command;

import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.JobStateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs of one load as last seen while waiting, summed for the progress bar, and watched for a job that goes
 * back to Open (as after a server restart that lost its progress), which is never waited on. Thread-safe: the
 * library may report split jobs from several threads.
 */
final class LoadProgress {
    private final Map<String, BulkJob> started = new LinkedHashMap<>();
    private final Map<String, BulkJob> latest = new LinkedHashMap<>();

    /** @param jobs the jobs as this command started (or first found) them */
    LoadProgress(List<BulkJob> jobs) {
        jobs.forEach(j -> started.put(j.id(), j));
        latest.putAll(started);
    }

    /**
     * Records a job's latest info.
     *
     * @throws JobStateException if a job this command saw past Open is Open again
     */
    synchronized void update(BulkJob job) {
        BulkJob first = started.get(job.id());
        if (job.state().equals(JobState.OPEN) && first != null && !first.state().equals(JobState.OPEN)) {
            throw new JobStateException("Job " + job.id() + " went from " + first.state().name()
                    + " back to Open (as after a server restart that lost its progress)", job, false);
        }
        latest.put(job.id(), job);
    }

    /** Records processed over all jobs, as last seen. */
    synchronized long processed() {
        return latest.values().stream().mapToLong(j -> j.numberRecordsProcessed().orElse(0)).sum();
    }

    /** Records failed over all jobs, as last seen. */
    synchronized long failed() {
        return latest.values().stream().mapToLong(j -> j.numberRecordsFailed().orElse(0)).sum();
    }

    /** The jobs as last seen, in input order. */
    synchronized List<BulkJob> jobs() {
        return new ArrayList<>(latest.values());
    }
}
