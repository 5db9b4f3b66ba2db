package dev.kinetic.cli.command;

import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.JobState;
import java.util.List;

/** The state of a load of one or more jobs, as one word. */
final class LoadState {
    private LoadState() {
    }

    /** Failed if any job failed, else Aborted if any was aborted, else the first job's state that is not JobComplete. */
    static JobState of(List<BulkJob> jobs) {
        for (JobState worst : List.of(JobState.FAILED, JobState.ABORTED)) {
            if (jobs.stream().anyMatch(j -> j.state().equals(worst))) {
                return worst;
            }
        }
        return jobs.stream().map(BulkJob::state).filter(s -> !s.equals(JobState.JOB_COMPLETE)).findFirst()
                .orElse(JobState.JOB_COMPLETE);
    }
}
