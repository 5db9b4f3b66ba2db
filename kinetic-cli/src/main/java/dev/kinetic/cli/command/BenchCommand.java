package dev.kinetic.cli.command;

import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.data.AccountGenerator;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.options.OrgOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.core.bulk.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kinetic bench ingest|export --rows N}: measures throughput and client memory. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures an ingest (insert of N generated Account rows) or an export (a query of N Account "
                + "rows, inserting them first) and prints records/s, elapsed time and peak heap.",
                "On the embedded org (stored in .kinetic/bench-org, emptied first) the heap includes the org. To "
                        + "measure the client alone, run 'kinetic serve' in another shell and point bench at it "
                        + "with SF_INSTANCE_URL and SF_ACCESS_TOKEN."},
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic bench ingest --rows 1000000",
                "  KINETIC_JAVA_OPTS=-Xmx256m kinetic bench export --rows 1000000"})
public final class BenchCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WHAT", description = "ingest or export.")
    String what;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "100000",
            description = "How many Account rows (default ${DEFAULT-VALUE}).")
    long rows;

    @Mixin
    OrgOptions orgOptions;

    @Override
    public Integer call() throws IOException {
        boolean ingest = switch (what.toLowerCase(Locale.ROOT)) {
            case "ingest" -> true;
            case "export" -> false;
            default -> throw CliException.usage("Unknown benchmark '" + what + "'; use ingest or export");
        };
        if (rows < 1) {
            throw CliException.usage("--rows must be at least 1, got " + rows);
        }
        Console console = console();
        Path work = context().resolve(".kinetic/bench");
        DemoFiles.deleteTree(context().resolve(".kinetic/bench-org"));
        Files.createDirectories(work);
        try (OrgConnection org = OrgConnection.open(orgOptions, context(), ".kinetic/bench-org")) {
            console.info(org.description());
            Path data = work.resolve("accounts-" + rows + ".csv");
            String run = Long.toString(context().clock().millis(), 36);
            AccountGenerator.write(data, "BENCH-" + run + "-", 1, rows);
            CsvInputFile input = CsvInputFile.inspect(data);
            console.info(String.format(Locale.ROOT, "Generated %,d Account rows (%.1f MB)", rows,
                    input.size() / 1048576.0));
            IngestFlow flow = new IngestFlow(org, console, context());
            HeapMeter.reset();
            Instant started = context().clock().instant();
            IngestFlow.Outcome loaded = flow.finish(flow.start(input, "Account", "insert", Optional.empty()),
                    Optional.of(input), Optional.empty(), null, started);
            if (!loaded.job().state().equals(JobState.JOB_COMPLETE)) {
                throw new CliException(ExitCodes.JOB_FAILED, "The bench ingest job " + loaded.job().id()
                        + " ended " + loaded.job().state() + loaded.job().errorMessage().map(m -> ": " + m)
                        .orElse(""), null);
            }
            Duration elapsed = loaded.elapsed();
            long count = loaded.job().numberRecordsProcessed().orElse(0);
            if (!ingest) {
                console.info(line("ingest (setup)", count, elapsed, input.size(), org));
                HeapMeter.reset();
                started = context().clock().instant();
                String soql = "SELECT Id, Name, Industry, NumberOfEmployees, AnnualRevenue, BillingCity, "
                        + "External_Key__c FROM Account WHERE External_Key__c LIKE 'BENCH-" + run + "-%'";
                QueryFlow.Export export = new QueryFlow(org, console, context(), spec.commandLine().getOut())
                        .run(soql, false, started, Optional.empty(), false, work.resolve("export.csv").toString(),
                                work);
                elapsed = export.elapsed();
                count = export.records();
            }
            return report(console, org, ingest, count, loaded.job().numberRecordsFailed().orElse(0), elapsed, input.size());
        } finally {
            DemoFiles.deleteTree(work);
        }
    }

    /** One result line; the heap is the peak since the last {@link HeapMeter#reset()}. */
    private static String line(String what, long count, Duration elapsed, long csvBytes, OrgConnection org) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return String.format(Locale.ROOT, "bench %s: %,d records in %.2f s = %,.0f records/s (%.1f MB/s of CSV); "
                        + "peak heap %d MB of %d MB max%s", what, count, seconds, count / seconds,
                csvBytes / 1048576.0 / seconds, HeapMeter.peakBytes() / 1048576,
                Runtime.getRuntime().maxMemory() / 1048576,
                org.embedded() ? " (client and embedded org)" : " (client)");
    }

    private int report(Console console, OrgConnection org, boolean ingest, long count, long failed, Duration elapsed,
                       long bytes) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        long peak = HeapMeter.peakBytes();
        console.summary(line(ingest ? "ingest" : "export", count, elapsed, bytes, org));
        Map<String, Object> json = IngestCommand.jsonBase(org);
        json.put("benchmark", ingest ? "ingest" : "export");
        json.put("records", count);
        json.put("failed", failed);
        json.put("seconds", seconds);
        json.put("recordsPerSecond", Math.round(count / seconds));
        json.put("peakHeapBytes", peak);
        json.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        console.jsonSummary(new LinkedHashMap<>(json));
        return failed > 0 ? ExitCodes.SOME_ROWS_FAILED : ExitCodes.OK;
    }
}
