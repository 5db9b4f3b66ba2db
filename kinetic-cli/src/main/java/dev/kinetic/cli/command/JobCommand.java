package dev.kinetic.cli.command;

import dev.kinetic.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kinetic job}: manage jobs by id. */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Manage Bulk API 2.0 jobs by id: show, wait for, abort, delete, list, and fetch results.",
        subcommands = {JobGetCommand.class, JobWaitCommand.class, JobAbortCommand.class, JobDeleteCommand.class,
                JobListCommand.class, JobResultsCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic insert Account --file big.csv --async", "  kinetic job wait 750...",
                "  kinetic job list", "  kinetic job results 750... --file big.csv"})
public final class JobCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
