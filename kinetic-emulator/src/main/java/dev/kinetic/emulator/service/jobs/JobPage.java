package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.state.JobInfo;
import java.util.List;
import java.util.Optional;

/**
 * One page of a job list. Immutable.
 *
 * @param jobs up to 1,000 jobs
 * @param nextLocator the opaque {@code queryLocator} of the next page, absent on the last
 */
public record JobPage(List<JobInfo> jobs, Optional<String> nextLocator) {
    /** Copies the list. */
    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
