package dev.kinetic.cli.options;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.output.ProgressMode;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Output options shared by every command: {@code --quiet}, {@code --json}, {@code --debug}, {@code --progress}. */
public final class OutputOptions {
    @Option(names = {"-q", "--quiet"}, description = "Print only the one-line summary (and errors).")
    boolean quiet;

    @Option(names = "--json", description = "Print one JSON object with the outcome instead of text.")
    boolean json;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "How to show progress: auto (a live bar on a terminal, plain lines otherwise), bar, "
                    + "plain or none. Default: ${DEFAULT-VALUE}.")
    String progress;

    /** Whether stack traces are wanted. */
    public boolean debug() {
        return debug;
    }

    /** Whether output is one JSON object. */
    public boolean json() {
        return json;
    }

    /** The console these options describe. */
    public Console console(PrintWriter out, PrintWriter err, CliContext context) {
        ProgressMode mode = switch (progress.toLowerCase(java.util.Locale.ROOT)) {
            case "bar" -> ProgressMode.BAR;
            case "plain" -> ProgressMode.PLAIN;
            case "none" -> ProgressMode.NONE;
            case "auto" -> context.terminal() ? ProgressMode.BAR : ProgressMode.PLAIN;
            default -> throw dev.kinetic.cli.CliException.usage("Unknown --progress mode '" + progress
                    + "'; use auto, bar, plain or none");
        };
        return new Console(out, err, quiet, json, mode, context.clock(), Duration.ofSeconds(2));
    }
}
