package dev.kinetic.cli.command;

import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.core.bulk.BulkJob;
import picocli.CommandLine.Command;

/** {@code kinetic job abort <id>}: stops a job. */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = "Aborts a job that is still open or running; records already processed stay processed.",
        footerHeading = "%nExamples:%n", footer = {"  kinetic job abort 7505fEXAMPLE4C2AAM"})
public final class JobAbortCommand extends JobIdCommand {
    @Override
    int run(OrgConnection org, String id) {
        BulkJob job = org.bulk().abortJob(id);
        console().summary("Job " + job.id() + " " + job.state().name());
        console().jsonSummary(JobJson.toMap(job));
        return ExitCodes.OK;
    }
}
