package dev.kinetic.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** Runs the kinetic command in-process with a given working directory and environment, capturing its output. */
public final class CliRunner {
    private final Path workingDir;
    private final Map<String, String> env;

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        /** Standard output's first line. */
        public String firstLine() {
            return out.lines().findFirst().orElse("");
        }
    }

    public CliRunner(Path workingDir, Map<String, String> env) {
        this.workingDir = workingDir;
        this.env = env;
    }

    /** A runner with no environment variables, so commands use the embedded org under the working directory. */
    public static CliRunner in(Path workingDir) {
        return new CliRunner(workingDir, Map.of());
    }

    /** Runs the command. */
    public Result run(String... args) {
        CommandLine cli = KineticCli.create(new CliContext(env, workingDir, Clock.systemUTC(), false));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
