package dev.kinetic.cli;

import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkJobException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the {@code kinetic} command line: the commands, the exit-code list in every {@code --help}, and the error
 * handling that turns a failure into one line and an exit code (a stack trace only with {@code --debug}).
 */
public final class KineticCli {
    private KineticCli() {
    }

    /** The command line for these surroundings with every command; call {@code execute(args)} on it. */
    public static CommandLine create(CliContext context) {
        return create(context, KineticCommand.SUBCOMMANDS);
    }

    /**
     * The command line to run these arguments: when they start with a command's name (other than {@code help}),
     * only that command is loaded and built, which saves the start-up most of picocli's work; otherwise every
     * command (the listing of {@code --help}, the suggestions for a mistyped name). Runs the same either way.
     */
    public static CommandLine create(CliContext context, String... args) {
        if (args.length > 0 && !args[0].equals("help") && KineticCommand.subcommand(args[0]) != null) {
            return create(context, List.of(args[0]));
        }
        return create(context);
    }

    private static CommandLine create(CliContext context, List<String> subcommands) {
        CommandLine cli = new CommandLine(new KineticCommand(context));
        subcommands.forEach(name -> cli.addSubcommand(name, KineticCommand.subcommand(name)));
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --column-delimiter tab, --line-ending crlf
        applyExitCodes(cli);
        cli.setExecutionExceptionHandler(KineticCli::handle);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("Error: " + e.getMessage());
            if (e instanceof UnmatchedArgumentException unmatched
                    && !UnmatchedArgumentException.printSuggestions(unmatched, err)) { // "Did you mean: kinetic insert?"
                suggestOptions(unmatched, err);
            }
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cli;
    }

    /** picocli suggests commands but misses near options ({@code --fromat}): name the nearest ones. */
    private static void suggestOptions(UnmatchedArgumentException e, PrintWriter err) {
        List<String> options = e.getCommandLine().getCommandSpec().options().stream()
                .filter(option -> !option.hidden()).flatMap(option -> List.of(option.names()).stream()).toList();
        e.getUnmatched().stream().filter(arg -> arg.startsWith("-")).map(arg -> arg.split("=", 2)[0]).distinct()
                .forEach(arg -> {
                    List<String> near = NearestNames.of(arg, options);
                    if (!near.isEmpty()) {
                        err.println("Did you mean: " + String.join(" or ", near) + " (for " + arg + ")?");
                    }
                });
    }

    private static void applyExitCodes(CommandLine cli) {
        boolean loadsRows = cli.getCommand() instanceof LoadsRows || cli.getParent() == null;
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.descriptions(loadsRows));
        cli.getSubcommands().values().forEach(KineticCli::applyExitCodes);
    }

    private static int handle(Exception e, CommandLine cli, ParseResult parsed) {
        boolean debug = false;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            debug |= p.hasMatchedOption("--debug");
        }
        PrintWriter err = cli.getErr();
        Failure failure = explain(e);
        err.println("Error: " + failure.message());
        if (debug) {
            e.printStackTrace(err);
        } else if (failure.unexpected()) {
            err.println("Run again with --debug to see the stack trace.");
        }
        err.flush();
        return failure.code();
    }

    /** The exit code and message of a job failure's cause, as if no job had been created. */
    private static Failure explainCause(BulkJobException j) {
        Throwable cause = j.getCause();
        if (cause instanceof UncheckedIOException io) {
            // A file could not be written after the job ran (the directory was checked before): a give-up, not usage.
            return new Failure(ExitCodes.NETWORK, io.getMessage());
        }
        if (cause instanceof Exception c && !(cause instanceof BulkJobException)) {
            Failure f = explain(c);
            return new Failure(f.unexpected() ? ExitCodes.NETWORK : f.code(), f.message());
        }
        return new Failure(ExitCodes.NETWORK, j.getMessage());
    }

    record Failure(int code, String message, boolean unexpected) {
        Failure(int code, String message) {
            this(code, message, false);
        }
    }

    private static Failure explain(Exception e) {
        if (e instanceof CliException c) {
            return new Failure(c.exitCode(), c.getMessage());
        }
        if (e instanceof BulkJobException j) {
            return new Failure(JobFailures.exitCode(j, explainCause(j)), JobFailures.message(j, explainCause(j)));
        }
        if (e instanceof BulkApiException b) {
            return new Failure(ErrorHints.exitCode(b), ErrorHints.explain(b));
        }
        if (e instanceof AuthenticationException a) {
            return new Failure(a.isTransient() ? ExitCodes.NETWORK : ExitCodes.AUTH, (a.isTransient()
                    ? "Sign-in gave up: " : "Sign-in failed: ") + a.getMessage());
        }
        if (e instanceof SalesforceException s) {
            // e.g. the org could not be reached after the library's retries: the network, the server or the URL
            return new Failure(ExitCodes.NETWORK, s.getMessage() + " (gave up after retries)");
        }
        if (e instanceof UncheckedIOException io) {
            return new Failure(ExitCodes.USAGE, io.getMessage());
        }
        return new Failure(ExitCodes.SOME_ROWS_FAILED, "unexpected " + e.getClass().getSimpleName() + ": "
                + e.getMessage(), true);
    }
}
