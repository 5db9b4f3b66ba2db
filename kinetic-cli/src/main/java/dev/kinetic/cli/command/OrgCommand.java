package dev.kinetic.cli.command;

import dev.kinetic.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kinetic org}: look after the embedded local org's store. */
@Command(name = "org", mixinStandardHelpOptions = true,
        description = "Look after the embedded local org (.kinetic/local-org): its size on disk and contents, "
                + "compaction, and a reset that empties it.",
        subcommands = {OrgStatusCommand.class, OrgCompactCommand.class, OrgResetCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic org status", "  kinetic org compact", "  kinetic org reset --yes"})
public final class OrgCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
