package dev.kinetic.cli;

import dev.kinetic.cli.command.BenchCommand;
import dev.kinetic.cli.command.DeleteCommand;
import dev.kinetic.cli.command.DemoCommand;
import dev.kinetic.cli.command.HardDeleteCommand;
import dev.kinetic.cli.command.InsertCommand;
import dev.kinetic.cli.command.JobCommand;
import dev.kinetic.cli.command.OrgCommand;
import dev.kinetic.cli.command.QueryCommand;
import dev.kinetic.cli.command.RetryCommand;
import dev.kinetic.cli.command.ServeCommand;
import dev.kinetic.cli.command.UpdateCommand;
import dev.kinetic.cli.command.UpsertCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root {@code kinetic} command: lists the commands. Holds the {@link CliContext} the commands share. */
@Command(name = "kinetic", mixinStandardHelpOptions = true, version = "kinetic 0.1.0-SNAPSHOT",
        description = {"Load CSV files into Salesforce and export queries with Bulk API 2.0: live progress, result "
                + "files mapped to your input rows, exit codes scripts can trust.",
                "With no org configured (no SF_* variables, no --instance-url) every command runs against an "
                        + "embedded local org stored in .kinetic/local-org of the current directory."},
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic demo",
                "  kinetic insert Account --file accounts.csv",
                "  kinetic query \"SELECT Id, Name FROM Account\" --out accounts.csv",
                "  kinetic job list"})
public final class KineticCommand implements Callable<Integer> {
    /**
     * The commands' names, in the order {@code --help} lists them. The commands are added by {@link KineticCli}, not
     * by the annotation, so that a run loads and builds the model of the one command it runs (picocli reads every
     * option of every command by reflection, and its classes cannot be in the class-data-sharing archive).
     */
    static final List<String> SUBCOMMANDS = List.of("demo", "insert", "update", "upsert", "delete", "hard-delete",
            "retry", "query", "job", "serve", "org", "bench", "help");

    /** The class of a command named in {@link #SUBCOMMANDS} (loading only that one), or null for another name. */
    static Class<?> subcommand(String name) {
        return switch (name) {
            case "demo" -> DemoCommand.class;
            case "insert" -> InsertCommand.class;
            case "update" -> UpdateCommand.class;
            case "upsert" -> UpsertCommand.class;
            case "delete" -> DeleteCommand.class;
            case "hard-delete" -> HardDeleteCommand.class;
            case "retry" -> RetryCommand.class;
            case "query" -> QueryCommand.class;
            case "job" -> JobCommand.class;
            case "serve" -> ServeCommand.class;
            case "org" -> OrgCommand.class;
            case "bench" -> BenchCommand.class;
            case "help" -> HelpCommand.class;
            default -> null;
        };
    }

    private final CliContext context;

    @Spec
    CommandSpec spec;

    /** @param context the surroundings every command runs in */
    public KineticCommand(CliContext context) {
        this.context = context;
    }

    /** The surroundings every command runs in. */
    public CliContext context() {
        return context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
