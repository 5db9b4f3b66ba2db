package dev.kinetic.cli.command;

import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.bulk.JobInfo;
import dev.kinetic.cli.bulk.JobInfoJson;
import dev.kinetic.cli.org.OrgConnection;
import picocli.CommandLine.Command;

/** {@code kinetic job abort <id>}: stops a job. */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = "Aborts a job that is still open or running; records already processed stay processed.",
        footerHeading = "%nExamples:%n", footer = {"  kinetic job abort 7505fEXAMPLE4C2AAM"})
public final class JobAbortCommand extends JobIdCommand {
    @Override
    int run(OrgConnection org, String id) {
        JobInfo job = org.jobs().abort(org.jobs().get(id));
        console().summary("Job " + job.id() + " " + job.state());
        console().jsonSummary(JobInfoJson.toMap(job));
        return ExitCodes.OK;
    }
}
