package dev.kinetic.cli.command;

import dev.kinetic.cli.LoadsRows;
import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.options.JobResultOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.JobState;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinetic job results <id>}: writes a finished job's result files. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Writes a finished job's results: for ingest jobs <jobId>-success-records.csv, -failed-records.csv and "
                + "-unprocessed-records.csv numbered by the input file's rows; for query jobs <jobId>.csv.",
                "A job still running exits with code 5; use 'kinetic job wait' to wait for it."},
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic job results 7505fEXAMPLE4C2AAM --file accounts.csv --results-dir results"})
public final class JobResultsCommand extends JobIdCommand implements LoadsRows {
    @Mixin
    JobResultOptions resultOptions;

    @Override
    int run(OrgConnection org, String id) {
        BulkJob job = org.bulk().getJob(id);
        if (!job.isTerminal() && !job.state().equals(JobState.OPEN)) {
            throw new CliException(ExitCodes.TIMEOUT, "Job " + id + " is still " + job.state().name()
                    + "; wait for it with: kinetic job wait " + id, null);
        }
        return new JobResultsFlow(org, console(), context(), spec.commandLine().getOut())
                .collect(job, Optional.empty(), resultOptions, false);
    }
}
