package dev.kinetic.cli.command;

import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.org.OrgConnection;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code kinetic job delete <id>}: deletes a finished job. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Deletes a finished (complete, failed or aborted) job and its data on the server.",
        footerHeading = "%nExamples:%n", footer = {"  kinetic job delete 7505fEXAMPLE4C2AAM"})
public final class JobDeleteCommand extends JobIdCommand {
    @Override
    int run(OrgConnection org, String id) {
        org.bulk().deleteJob(id);
        console().summary("Job " + id + " deleted");
        console().jsonSummary(Map.of("jobId", id, "deleted", true));
        return ExitCodes.OK;
    }
}
