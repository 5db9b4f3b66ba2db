package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.options.JobOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.output.Unit;
import java.time.Instant;
import java.util.Optional;

/**
 * One load of a file into an object on an open org, as the ingest commands and {@code retry} run it: start the jobs,
 * remember them in {@code .kinetic/jobs/}, then wait and write the result files (or return at once with
 * {@code --async}), and print the summary.
 *
 * @param object         the sObject
 * @param operation      the Bulk API operation's wire name, e.g. {@code insert}
 * @param externalId     the external id field (upsert only)
 * @param maxBytesPerJob the most bytes one job receives
 */
record IngestLoad(String object, String operation, Optional<String> externalId, long maxBytesPerJob) {
    /**
     * Runs the load and returns the exit code.
     *
     * @param notes what to remember about the input (the job ids are filled in)
     */
    int run(OrgConnection org, UploadFile upload, JobNotes notes, JobOptions jobOptions, Console console,
            CliContext context) {
        CsvInputFile input = upload.upload();
        console.info("File: " + upload.given().path() + " (" + Unit.BYTES.format(upload.given().size()) + ", "
                + upload.given().dialect().describe() + ")");
        Instant started = context.clock().instant();
        IngestFlow flow = new IngestFlow(org, console, context);
        IngestFlow.JobUpload jobs = flow.start(input, object, operation, externalId, maxBytesPerJob);
        notes.save(context, jobs.jobs());
        if (jobOptions.async()) {
            return Summaries.started(console, jobs.jobs(), jobs.records());
        }
        if (!jobOptions.resultFiles()) {
            console.info("Result files: not written (--no-results); write them later with: kinetic job results "
                    + jobs.job().id() + (jobs.jobs().size() > 1 ? " (and each of the load's other jobs)" : ""));
        }
        IngestFlow.Outcome outcome = flow.finish(jobs, Optional.of(input), jobOptions.timeout(),
                jobOptions.resultFiles() ? jobOptions.resultsDir(context) : null, started);
        return Summaries.ingest(console, org, outcome);
    }
}
