package dev.kinetic.cli.command;

import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.core.bulk.BulkJob;
import picocli.CommandLine.Command;

/** {@code kinetic job get <id>}: shows a job. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Shows a job's state and counters.",
        footerHeading = "%nExamples:%n", footer = {"  kinetic job get 7505fEXAMPLE4C2AAM --json"})
public final class JobGetCommand extends JobIdCommand {
    @Override
    int run(OrgConnection org, String id) {
        BulkJob job = org.bulk().getJob(id);
        console().summary(describe(job));
        console().jsonSummary(JobJson.toMap(job));
        return ExitCodes.OK;
    }
}
