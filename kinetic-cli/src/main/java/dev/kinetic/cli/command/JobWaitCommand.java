package dev.kinetic.cli.command;

import dev.kinetic.cli.LoadsRows;
import dev.kinetic.cli.options.TimeoutOptions;
import dev.kinetic.cli.options.JobResultOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.core.bulk.BulkJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinetic job wait <id>}: waits for a job, then writes its results like the command that started it. */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = {"Waits for a job (with progress), then writes its result files: for ingest jobs "
                + "<jobId>-success-records.csv, -failed-records.csv and -unprocessed-records.csv, numbered by the input file's rows; for "
                + "query jobs <jobId>.csv.",
                "The input file is remembered for jobs started with --async from the same directory; else give "
                        + "it with --file (without it the row column stays empty)."},
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic job wait 7505fEXAMPLE4C2AAM", "  kinetic job wait 7505fEXAMPLE4C2AAM --timeout 10m"})
public final class JobWaitCommand extends JobIdCommand implements LoadsRows {
    @Mixin
    TimeoutOptions timeoutOptions;

    @Mixin
    JobResultOptions resultOptions;

    @Override
    int run(OrgConnection org, String id) {
        BulkJob job = org.bulk().getJob(id);
        return new JobResultsFlow(org, console(), context(), spec.commandLine().getOut())
                .collect(job, timeoutOptions.timeout(), resultOptions, true);
    }
}
