package dev.kinetic.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import dev.kinetic.emulator.LocalOrg;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * Runs the command against a local org (its URL and token appended) without progress output, in a directory.
     */
    public static Result against(LocalOrg org, Path workingDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--instance-url", org.baseUri().toString(), "--access-token", org.accessToken()));
        if (!all.contains("--progress")) {
            all.addAll(List.of("--progress", "none"));
        }
        return in(workingDir).run(all.toArray(String[]::new));
    }

    /** The first job id of the local org in a text; fails the test, showing the text, when there is none. */
    public static String jobId(String text) {
        List<String> ids = jobIds(text);
        org.assertj.core.api.Assertions.assertThat(ids).as("a job id in: " + text).isNotEmpty();
        return ids.get(0);
    }

    /** The distinct job ids of the local org (whole words starting 750Kc0, never a digit run in a temporary path) in a text, in order of appearance. */
    public static List<String> jobIds(String text) {
        Matcher m = Pattern.compile("\\b750Kc0[0-9A-Za-z]{12}\\b").matcher(text);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            if (!ids.contains(m.group())) {
                ids.add(m.group());
            }
        }
        return ids;
    }

    /** Runs the command. */
    public Result run(String... args) {
        // As Main builds it: only the command the arguments name.
        CommandLine cli = KineticCli.create(new CliContext(env, workingDir, Clock.systemUTC(), false), args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
