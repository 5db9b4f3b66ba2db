package dev.kinetic.cli.command;

import dev.kinetic.cli.LoadsRows;
import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.options.JobOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Unit;
import dev.kinetic.cli.results.ResultsDirectory;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.JobFailedException;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kinetic retry <jobId>}: loads again exactly the rows of a finished job that failed, taken from the input
 * file the job was loaded from (as remembered in {@code .kinetic/jobs/}), into the same object with the same
 * operation and external id. The rows go to {@code <jobId>-retry.csv} in the results directory first, and the new
 * job's result files number rows by that file.
 */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Loads again exactly the failed rows of a finished ingest job, from the input file it was "
                + "loaded from, with the same object, operation and external id.",
                "The rows are written to <jobId>-retry.csv in --results-dir and loaded as a new job, whose result "
                        + "files number rows by that file. The input file must be unchanged since the load (same "
                        + "size and modification time); jobs started from this directory are remembered in "
                        + ".kinetic/jobs/."},
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic retry 7505fEXAMPLE4C2AAM", "  kinetic retry 7505fEXAMPLE4C2AAM --results-dir retry"})
public final class RetryCommand extends JobIdCommand implements LoadsRows {
    @Mixin
    JobOptions jobOptions;

    @Override
    int run(OrgConnection org, String id) {
        jobOptions.timeout();
        BulkJob job = org.bulk().getJob(id);
        if (job.kind() != JobKind.INGEST) {
            throw CliException.usage("Job " + id + " is a " + job.operation().wireName() + " job; retry reloads the "
                    + "failed rows of an ingest job (run the query again instead)");
        }
        if (!job.isTerminal()) {
            throw new CliException(ExitCodes.TIMEOUT, "Job " + id + " is still " + job.state().name() + "; wait for "
                    + "it with: kinetic job wait " + id + ", then retry", null);
        }
        JobNotes notes = input(id, job);
        Path resultsDir = jobOptions.resultsDir(context());
        ResultsDirectory.checkWritable(resultsDir);
        CsvInputFile original = CsvInputFile.inspect(notes.file(), notes.charset());
        try (UploadFile loaded = UploadFile.of(original, null)) {
            FailedRows failed = FailedRows.of(id, result(org, id, loaded), notes.file());
            if (failed.count() == 0) {
                console().summary("Job " + id + " has no failed rows; nothing to retry");
                return ExitCodes.OK;
            }
            Path retryFile = resultsDir.resolve(id + "-retry.csv");
            CsvInputFile rows = failed.copy(loaded.upload(), retryFile);
            console().info("Retrying the " + Unit.records(failed.count()).replace("record", "failed row")
                    + " of job " + id + " (" + job.operation().wireName() + " " + job.object() + ") from "
                    + notes.file() + ", written to " + retryFile);
            try (UploadFile upload = UploadFile.of(rows, null)) {
                return new IngestLoad(job.object(), job.operation().wireName(), job.externalIdFieldName(),
                        IngestFlow.DEFAULT_MAX_BYTES_PER_JOB).run(org, upload,
                        JobNotes.of(retryFile, rows.charset(), false, List.of()), jobOptions, console(), context());
            }
        }
    }

    /** The job's remembered input file, checked to be there and unchanged. */
    private JobNotes input(String id, BulkJob job) {
        String reload = "fix and load its failed file instead: kinetic job results " + id + ", then kinetic "
                + job.operation().wireName() + " " + job.object() + " --file " + id + "-failed-records.csv (its row and "
                + "sf__ columns are ignored)";
        JobNotes notes = JobNotes.load(context(), job).orElseThrow(() -> CliException.usage("The input file of job "
                + id + " is not known here (kinetic remembers the files of jobs started from this directory, in "
                + ".kinetic/jobs/); run retry where the job was started, or " + reload));
        if (notes.split()) {
            throw CliException.usage("Job " + id + " is one of the " + notes.jobs().size() + " jobs of a split load of "
                    + notes.file() + " (" + String.join(", ", notes.jobs()) + "); retry takes the rows of a "
                    + "single job, so " + reload);
        }
        if (!Files.isRegularFile(notes.file())) {
            throw CliException.usage("The input file of job " + id + ", " + notes.file() + ", is gone; restore it, or "
                    + reload);
        }
        try {
            if (!notes.unchanged()) {
                throw CliException.usage("The input file of job " + id + ", " + notes.file() + ", changed since "
                        + "the job loaded it (its size or modification time differ), so its rows may no longer be "
                        + "the job's rows; restore it, or " + reload);
            }
        } catch (IOException e) {
            throw CliException.usage("Cannot read " + notes.file() + " (" + e.getMessage() + "); " + reload, e);
        }
        return notes;
    }

    /** The job's result, its rows mapped to the input; a failed or aborted job's result is what it got done. */
    private static BulkResult result(OrgConnection org, String id, UploadFile loaded) {
        try {
            return org.bulk().attach(id, BulkInput.of(loaded.upload().path(), loaded.upload().charset()))
                    .await(org.poll().build());
        } catch (JobFailedException e) {
            return e.partialResult().orElseThrow(() -> new CliException(ExitCodes.JOB_FAILED, "Job " + id + " "
                    + e.job().state().name() + " without results to retry" + e.job().errorMessage()
                    .map(m -> " (" + m + ")").orElse(""), e));
        }
    }
}
