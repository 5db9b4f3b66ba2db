package dev.kinetic.cli;

/**
 * A failure the command reports as one line (the message) and an exit code, without a stack trace unless
 * {@code --debug} is given. Messages name the problem, the value and the way out.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode one of {@link ExitCodes}
     * @param message  the one-line message
     * @param cause    the underlying failure, shown with {@code --debug}; may be null
     */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage error (exit code 2). */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message, null);
    }

    /** A usage error (exit code 2) with its cause. */
    public static CliException usage(String message, Throwable cause) {
        return new CliException(ExitCodes.USAGE, message, cause);
    }

    /** An authentication error (exit code 3). */
    public static CliException auth(String message, Throwable cause) {
        return new CliException(ExitCodes.AUTH, message, cause);
    }

    /** The process exit code for this failure. */
    public int exitCode() {
        return exitCode;
    }
}
