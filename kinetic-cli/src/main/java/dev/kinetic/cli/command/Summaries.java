package dev.kinetic.cli.command;

import dev.kinetic.cli.ErrorHints;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.output.Unit;
import dev.kinetic.cli.results.ResultFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.Map;

/** The one-line summaries and JSON objects the job commands end with. */
final class Summaries {
    private Summaries() {
    }

    /** After {@code --async}: the job ids and how to pick them up. */
    static int started(Console console, List<BulkJob> jobs, long records) {
        BulkJob job = jobs.get(0);
        if (jobs.size() == 1) {
            return started(console, job.id(), job.state().name(), job.operation().wireName(), job.object(),
                    records);
        }
        List<String> ids = jobs.stream().map(BulkJob::id).toList();
        console.summary("Jobs " + String.join(", ", ids) + " started (" + job.operation().wireName() + " "
                + job.object() + ", " + Unit.records(records) + " uploaded, split into " + jobs.size()
                + " jobs). Pick each up with: kinetic job wait <id>");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobId", job.id());
        json.put("jobIds", ids);
        json.put("state", LoadState.of(jobs).name());
        json.put("operation", job.operation().wireName());
        json.put("object", job.object());
        json.put("recordsUploaded", records);
        console.jsonSummary(json);
        return ExitCodes.OK;
    }

    /** After {@code query --async}: the job id and how to export it. */
    static int startedQuery(Console console, BulkJob job) {
        console.summary("Job " + job.id() + " started (" + job.operation().wireName() + "). Export it with: kinetic "
                + "job results " + job.id() + " (or kinetic job wait " + job.id() + ")");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobId", job.id());
        json.put("state", job.state().name());
        json.put("operation", job.operation().wireName());
        json.put("object", job.object());
        console.jsonSummary(json);
        return ExitCodes.OK;
    }

    /** After {@code --async}: the job id and how to pick it up. */
    static int started(Console console, String id, String state, String operation, String object, long records) {
        console.summary("Job " + id + " started (" + operation + " " + object + ", "
                + Unit.records(records) + " uploaded). Pick it up with: kinetic job "
                + "wait " + id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobId", id);
        json.put("state", state);
        json.put("operation", operation);
        json.put("object", object);
        json.put("recordsUploaded", records);
        console.jsonSummary(json);
        return ExitCodes.OK;
    }

    /** After an ingest job: counts, time, rate and the files. */
    static int ingest(Console console, OrgConnection org, IngestFlow.Outcome outcome) {
        BulkJob job = outcome.job();
        double seconds = Math.max(outcome.elapsed().toMillis(), 1) / 1000.0;
        Map<String, Object> json = IngestCommand.jsonBase(org);
        json.put("jobId", job.id());
        json.put("operation", job.operation().wireName());
        json.put("object", job.object());
        if (outcome.jobs().size() > 1) {
            json.put("jobIds", outcome.jobs().stream().map(BulkJob::id).toList());
        }
        json.put("state", outcome.state().name());
        job.errorMessage().ifPresent(m -> json.put("errorMessage", m));
        json.put("records", outcome.records());
        StringBuilder line = new StringBuilder(outcome.jobs().size() == 1 ? "Job " + job.id()
                : "Jobs " + outcome.jobs().stream().map(BulkJob::id).collect(Collectors.joining(", ")) + " (one load"
                + " split into " + outcome.jobs().size() + " jobs)").append(' ').append(outcome.state().name());
        if (outcome.files().isPresent()) {
            ResultFiles f = outcome.files().get();
            line.append(String.format(Locale.ROOT, ": %,d succeeded, %,d failed, %,d unprocessed",
                    f.success(), f.failed(), f.unprocessed()));
            json.put("succeeded", f.success());
            json.put("failed", f.failed());
            json.put("unprocessed", f.unprocessed());
            json.put("successFile", f.successFile().toString());
            json.put("failedFile", f.failedFile().toString());
            json.put("unprocessedFile", f.unprocessedFile().toString());
            if (f.unmatched() > 0) {
                json.put("rowsWithoutInputRowNumber", f.unmatched());
            }
        } else if (outcome.jobs().stream().allMatch(j -> j.numberRecordsProcessed().isPresent())) {
            // No result rows were read (--no-results, or an aborted job): the org's own counts, said to be so.
            long failed = outcome.orgFailed();
            long unprocessed = outcome.orgUnprocessed();
            line.append(String.format(Locale.ROOT, ": %,d succeeded, %,d failed, %,d unprocessed by the org's count",
                    outcome.orgProcessed() - failed, failed, unprocessed));
            json.put("succeeded", outcome.orgProcessed() - failed);
            json.put("failed", failed);
            json.put("unprocessed", unprocessed);
            json.put("countsFrom", "job");
        }
        line.append(String.format(Locale.ROOT, " in %.1f s (%,.0f records/s)", seconds, outcome.records() / seconds));
        json.put("seconds", seconds);
        json.put("exitCode", outcome.exitCode());
        outcome.jobs().stream().filter(j -> j.errorMessage().isPresent()).forEach(j -> line.append(". Job ")
                .append(outcome.jobs().size() == 1 ? "" : j.id() + " ").append("error: ")
                .append(j.errorMessage().get())
                .append(ErrorHints.forJobError(j.errorMessage().get()).map(h -> " (" + h + ")").orElse("")));
        outcome.files().ifPresent(f -> line.append(". Files: ").append(f.successFile()).append(", ")
                .append(f.failedFile()).append(", ").append(f.unprocessedFile()));
        console.summary(line.toString());
        console.jsonSummary(json);
        return outcome.exitCode();
    }
}
