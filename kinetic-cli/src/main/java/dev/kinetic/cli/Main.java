package dev.kinetic.cli;

/** Entry point of the {@code kinetic} command: runs it and exits with its exit code. */
public final class Main {
    private Main() {
    }

    /** Runs the command with the process's environment and working directory. */
    public static void main(String[] args) {
        // Jetty logs through SLF4J; without a provider SLF4J warns on every start. The command needs no logs.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        int code = KineticCli.create(CliContext.system(), args).execute(args);
        System.exit(code);
    }
}
