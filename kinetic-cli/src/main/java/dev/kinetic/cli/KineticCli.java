package dev.kinetic.cli;

import dev.kinetic.core.AuthenticationException;
import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkJobException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Builds the {@code kinetic} command line: the commands, the exit-code list in every {@code --help}, and the error
 * handling that turns a failure into one line and an exit code (a stack trace only with {@code --debug}).
 */
public final class KineticCli {
    private KineticCli() {
    }

    /** The command line for these surroundings; call {@code execute(args)} on it. */
    public static CommandLine create(CliContext context) {
        CommandLine cli = new CommandLine(new KineticCommand(context));
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --column-delimiter tab, --line-ending crlf
        applyExitCodes(cli);
        cli.setExecutionExceptionHandler(KineticCli::handle);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("Error: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cli;
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
