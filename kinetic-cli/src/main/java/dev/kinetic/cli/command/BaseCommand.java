package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.KineticCommand;
import dev.kinetic.cli.options.OutputOptions;
import dev.kinetic.cli.output.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command has: the output options, the console built from them, and the shared surroundings. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    private Console console;

    /** The surroundings, from the root command. */
    final CliContext context() {
        return ((KineticCommand) spec.root().userObject()).context();
    }

    /** The console for this run, writing to the command line's out and err. */
    final Console console() {
        if (console == null) {
            console = output.console(spec.commandLine().getOut(), spec.commandLine().getErr(), context());
        }
        return console;
    }

    /** Sends all messages to standard error, keeping standard output for data (e.g. {@code --out -}). */
    final void messagesToStandardError() {
        console = output.console(spec.commandLine().getErr(), spec.commandLine().getErr(), context());
    }
}
