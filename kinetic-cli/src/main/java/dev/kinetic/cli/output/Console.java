package dev.kinetic.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Where a command's output goes, and how much of it: in the normal mode, the org line, progress and a summary; with
 * {@code --quiet}, only the summary line; with {@code --json}, one JSON object on standard output and nothing else.
 * Live bars go to the terminal's standard error so standard output stays clean. Not thread-safe.
 */
public final class Console {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean json;
    private final ProgressMode progressMode;
    private final Clock clock;
    private final Duration plainInterval;

    /**
     * @param out           standard output
     * @param err           standard error
     * @param quiet         print only the summary
     * @param json          print one JSON object instead of text
     * @param progressMode  how to show progress ({@link ProgressMode#AUTO} must already be resolved)
     * @param clock         the clock for rates and for spacing plain progress lines
     * @param plainInterval the least time between two plain progress lines
     */
    public Console(PrintWriter out, PrintWriter err, boolean quiet, boolean json, ProgressMode progressMode,
                   Clock clock, Duration plainInterval) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.json = json;
        this.progressMode = quiet || json ? ProgressMode.NONE : progressMode;
        this.clock = clock;
        this.plainInterval = plainInterval;
    }

    /** Whether output is one JSON object. */
    public boolean json() {
        return json;
    }

    /** The clock for timings. */
    public Clock clock() {
        return clock;
    }

    /** A line of normal output (not printed with {@code --quiet} or {@code --json}). */
    public void info(String line) {
        if (!quiet && !json) {
            out.println(line);
            out.flush();
        }
    }

    /** A summary line (printed unless {@code --json}). */
    public void summary(String line) {
        if (!json) {
            out.println(line);
            out.flush();
        }
    }

    /** A warning on standard error (printed unless {@code --quiet}). */
    public void warn(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }

    /** The JSON summary object (printed only with {@code --json}). */
    public void jsonSummary(Map<String, ?> summary) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(summary));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
        }
    }

    /**
     * Starts showing one task's progress.
     *
     * @param task  the task's name, e.g. {@code Upload}
     * @param total the total if known, else 0
     * @param unit  what is counted
     */
    public Progress progress(String task, long total, Unit unit) {
        return switch (progressMode) {
            // a bar counts in MB: under one MB it would show 0/0 MB, and the upload is over at once anyway
            case BAR -> unit == Unit.BYTES && total < 1024 * 1024 ? Progress.none()
                    : new BarProgress(terminal(), task, total, unit);
            case PLAIN -> new PlainProgress(out, task, total, unit, clock, plainInterval);
            default -> Progress.none();
        };
    }

    private static PrintStream terminal() {
        return System.err;
    }
}
