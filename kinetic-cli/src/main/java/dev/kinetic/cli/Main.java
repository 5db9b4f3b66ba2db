package dev.kinetic.cli;

/** Entry point of the {@code kinetic} command: runs it and exits with its exit code. */
public final class Main {
    private Main() {
    }

    /** Runs the command with the process's environment and working directory. */
    public static void main(String[] args) {
        int code = KineticCli.create(CliContext.system()).execute(args);
        System.exit(code);
    }
}
