package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.options.JobResultOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.JobState;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Picks up an existing job: waits if asked, then writes its results as the command that started it would. */
final class JobResultsFlow {
    private final OrgConnection org;
    private final Console console;
    private final CliContext context;
    private final PrintWriter stdout;

    JobResultsFlow(OrgConnection org, Console console, CliContext context, PrintWriter stdout) {
        this.org = org;
        this.console = console;
        this.context = context;
        this.stdout = stdout;
    }

    /**
     * Writes a job's results as the command that started it would.
     *
     * @param timeout how long to wait for the job; empty to wait until it ends
     * @param waitFirst whether to wait for a job that is still running (else it is looked at once)
     */
    int collect(BulkJob job, Optional<Duration> timeout, JobResultOptions results, boolean waitFirst) {
        java.time.Instant started = context.clock().instant();
        if (job.isQuery()) {
            return new QueryFlow(org, console, context, stdout).job(job.id(), started,
                    waitFirst ? timeout : Optional.empty(), results.json(), results.out(),
                    results.resultsDir(context));
        }
        if (job.state().equals(JobState.OPEN)) {
            throw new CliException(ExitCodes.USAGE, "Job " + job.id() + " is still Open: its upload was never "
                    + "completed, so it will not run. Abort it with: kinetic job abort " + job.id(), null);
        }
        Optional<JobNotes> remembered = JobNotes.load(context, job);
        boolean split = results.file().isEmpty() && remembered.filter(JobNotes::split).isPresent();
        if (split) {
            // The library maps one job's rows from the rows that job received, not from the whole file.
            console.warn("Job " + job.id() + " is one of the " + remembered.get().jobs().size() + " jobs of a split "
                    + "load of " + remembered.get().file() + " (" + String.join(", ", remembered.get().jobs())
                    + "); its result files have an empty row column");
        }
        Optional<JobNotes> notes = split ? Optional.empty() : remembered;
        Optional<Path> input = results.file().map(context::resolve).or(() -> notes.map(JobNotes::file));
        Charset charset = results.encoding().map(IngestCommand::charset)
                .orElse(results.file().isEmpty() ? notes.map(JobNotes::charset).orElse(StandardCharsets.UTF_8)
                        : StandardCharsets.UTF_8);
        Optional<CsvInputFile> inspected = input.map(p -> CsvInputFile.inspect(p, charset));
        if (inspected.isEmpty() && !split) {
            console.warn("No input file known for job " + job.id() + "; the row column stays empty (give it with "
                    + "--file to number the rows)");
        }
        try (UploadFile upload = inspected.map(i -> UploadFile.of(i, null)).orElse(null)) {
            IngestFlow.Outcome outcome = new IngestFlow(org, console, context).finish(
                    new IngestFlow.JobUpload(job, job.numberRecordsProcessed().orElse(0)),
                    Optional.ofNullable(upload).map(UploadFile::upload),
                    waitFirst ? timeout : Optional.empty(), results.resultsDir(context), started);
            return Summaries.ingest(console, org, outcome);
        }
    }
}
