package dev.kinetic.cli.command;

import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.data.AccountGenerator;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.options.OrgOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.results.ResultFiles;
import dev.kinetic.core.bulk.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kinetic demo}: the quick start, end to end, on the embedded org. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The quick start, end to end: generates sample accounts and inserts them, updates them, "
                + "upserts them by External_Key__c (half existing, half new), queries them back and deletes them, "
                + "with progress and a table of counts and timings.",
                "Runs on the embedded local org unless an org is configured. Leaves nothing behind: it deletes its "
                        + "records, its jobs (with their result files on the org) and its own files in .kinetic/demo/ "
                        + "(--keep-files keeps the files)."},
        footerHeading = "%nExamples:%n", footer = {"  kinetic demo", "  kinetic demo --rows 100000 --json"})
public final class DemoCommand extends BaseCommand implements dev.kinetic.cli.LoadsRows {
    @Option(names = "--rows", paramLabel = "N", defaultValue = "10000",
            description = "How many accounts to insert (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--keep-files", description = "Keep the generated input and result files in .kinetic/demo/.")
    boolean keepFiles;

    @Mixin
    OrgOptions orgOptions;

    /** One row of the summary table. */
    record Step(String name, long records, long succeeded, long failed, Duration elapsed, String note) {
    }

    @Override
    public Integer call() throws IOException {
        if (rows < 2) {
            throw dev.kinetic.cli.CliException.usage("--rows must be at least 2, got " + rows);
        }
        Console console = console();
        String run = Long.toString(context().clock().millis(), 36);
        Path demoDir = context().resolve(".kinetic/demo");
        Path dir = demoDir.resolve(run);
        Files.createDirectories(dir);
        try (OrgConnection org = OrgConnection.open(orgOptions, context())) {
            console.info(org.description());
            DemoCleanup cleanup = new DemoCleanup(org, console);
            try {
                return run(org, console, run, dir, cleanup);
            } finally {
                cleanup.deleteJobs();
            }
        } finally {
            if (!keepFiles) {
                DemoCleanup.deleteFiles(dir, demoDir);
            }
        }
    }

    private int run(OrgConnection org, Console console, String run, Path dir, DemoCleanup cleanup)
            throws IOException {
        List<Step> steps = new ArrayList<>();
        IngestFlow flow = new IngestFlow(org, console, context());
        String keys = "DEMO-" + run + "-";

        Path accounts = AccountGenerator.write(dir.resolve("accounts.csv"), keys, 1, rows);
        console.info(String.format(Locale.ROOT, "%n1/5 insert %,d accounts", rows));
        IngestFlow.Outcome insert = cleanup.track(ingest(flow, accounts, "insert", null, dir));
        steps.add(step("insert", insert, ""));

        Path updates = dir.resolve("updates.csv");
        DemoFiles.writeIds(insert.files().orElseThrow().successFile(), "sf__Id", updates,
                "Industry,NumberOfEmployees", "Finance,250");
        console.info(String.format(Locale.ROOT, "%n2/5 update Industry and NumberOfEmployees by Id"));
        steps.add(step("update", cleanup.track(ingest(flow, updates, "update", null, dir)), ""));

        int half = rows / 2;
        Path upserts = AccountGenerator.write(dir.resolve("upserts.csv"), keys, rows - half + 1, rows);
        console.info(String.format(Locale.ROOT, "%n3/5 upsert %,d accounts by External_Key__c (%,d exist, "
                + "%,d new)", rows, half, rows - half));
        IngestFlow.Outcome upsert = cleanup.track(ingest(flow, upserts, "upsert", "External_Key__c", dir));
        long created = DemoFiles.count(upsert.files().orElseThrow().successFile(), "sf__Created", "true");
        steps.add(step("upsert", upsert, String.format(Locale.ROOT, "%,d created, %,d updated", created,
                upsert.files().orElseThrow().success() - created)));

        console.info(String.format(Locale.ROOT, "%n4/5 query them back"));
        Instant started = context().clock().instant();
        String soql = "SELECT Id, Name, Industry, External_Key__c FROM Account WHERE External_Key__c LIKE '"
                + keys + "%'";
        QueryFlow.Export export = new QueryFlow(org, console, context(), spec.commandLine().getOut())
                .run(soql, false, started, Optional.empty(), false, dir.resolve("query.csv").toString(), dir);
        cleanup.track(export.job().id());
        steps.add(new Step("query", export.records(), export.records(), 0, export.elapsed(), ""));

        Path deletes = dir.resolve("deletes.csv");
        DemoFiles.writeIds(dir.resolve("query.csv"), "Id", deletes, "", "");
        console.info(String.format(Locale.ROOT, "%n5/5 delete them all"));
        steps.add(step("delete", cleanup.track(ingest(flow, deletes, "delete", null, dir)), ""));
        cleanup.emptyRecycleBin("Account", deletes);
        return summarize(console, org, steps, dir);
    }

    private IngestFlow.Outcome ingest(IngestFlow flow, Path file, String operation, String externalId, Path dir) {
        CsvInputFile input = CsvInputFile.inspect(file);
        Instant started = context().clock().instant();
        return flow.finish(flow.start(input, "Account", operation, Optional.ofNullable(externalId)),
                Optional.of(input), Optional.empty(), dir, started);
    }

    private static Step step(String name, IngestFlow.Outcome outcome, String note) {
        ResultFiles f = outcome.files().orElseThrow();
        return new Step(name, outcome.records(), f.success(), f.failed() + f.unprocessed(), outcome.elapsed(),
                outcome.job().state().equals(JobState.JOB_COMPLETE) ? note
                : outcome.job().state().name());
    }

    private int summarize(Console console, OrgConnection org, List<Step> steps, Path dir) {
        console.info("");
        console.summary(String.format(Locale.ROOT, "%-8s %10s %10s %8s %9s %11s  %s", "step", "records",
                "succeeded", "failed", "seconds", "records/s", "").stripTrailing());
        long failed = 0;
        Duration total = Duration.ZERO;
        List<Map<String, Object>> json = new ArrayList<>();
        for (Step s : steps) {
            double seconds = Math.max(s.elapsed().toMillis(), 1) / 1000.0;
            console.summary(String.format(Locale.ROOT, "%-8s %,10d %,10d %,8d %9.2f %,11.0f  %s", s.name(),
                    s.records(), s.succeeded(), s.failed(), seconds, s.records() / seconds, s.note()).stripTrailing());
            failed += s.failed();
            total = total.plus(s.elapsed());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", s.name());
            row.put("records", s.records());
            row.put("succeeded", s.succeeded());
            row.put("failed", s.failed());
            row.put("seconds", seconds);
            if (!s.note().isEmpty()) {
                row.put("note", s.note());
            }
            json.add(row);
        }
        console.summary(String.format(Locale.ROOT, "Demo %s in %.1f s; %s",
                failed == 0 ? "complete" : "finished with " + failed + " failed rows", total.toMillis() / 1000.0,
                keepFiles ? "files kept in " + dir : "its records, jobs and files are removed"));
        Map<String, Object> summary = IngestCommand.jsonBase(org);
        summary.put("steps", json);
        summary.put("seconds", total.toMillis() / 1000.0);
        if (keepFiles) {
            summary.put("files", dir.toString());
        }
        console.jsonSummary(summary);
        return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_ROWS_FAILED;
    }
}
