package dev.kinetic.cli.command;

import dev.kinetic.cli.CliException;
import dev.kinetic.cli.options.JobOptions;
import dev.kinetic.cli.options.OrgOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkTimeoutException;
import dev.kinetic.core.bulk.JobFailedException;
import dev.kinetic.cli.results.ResultsDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kinetic query}: exports a SOQL query to a CSV or JSON file, streaming. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Exports the records of a SOQL query with a Bulk API 2.0 query job, streaming page by page "
                + "to a CSV file (or a JSON array).",
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic query \"SELECT Id, Name FROM Account\" --out accounts.csv",
                "  kinetic query \"SELECT Id, Name FROM Account WHERE IsDeleted = true\" --all --out deleted.csv",
                "  kinetic query \"SELECT Id FROM Contact\" --format json --out contacts.json"})
public final class QueryCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SOQL", description = "The query, e.g. \"SELECT Id, Name FROM Account\".")
    String soql;

    @Option(names = "--all", description = "queryAll: include deleted and archived records.")
    boolean all;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Where to write the records (default <jobId>.csv or .json in --results-dir; '-' for "
                    + "standard output).")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (default) or json (an array of objects; empty values become null).")
    String format;

    @Mixin
    OrgOptions orgOptions;

    @Mixin
    JobOptions jobOptions;

    @Override
    public Integer call() {
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "json" -> true;
            default -> throw CliException.usage("Unknown --format '" + format + "'; use csv or json");
        };
        if (soql.isBlank()) {
            throw CliException.usage("The query is empty; give one, e.g. \"SELECT Id, Name FROM Account\"");
        }
        jobOptions.timeout();
        if ("-".equals(out)) {
            messagesToStandardError();
        }
        Console console = console();
        if (!jobOptions.async() && !"-".equals(out)) {
            Path target = out == null ? jobOptions.resultsDir(context()) : context().resolve(out).toAbsolutePath()
                    .getParent();
            ResultsDirectory.checkWritable(target);
        }
        try (OrgConnection org = OrgConnection.open(orgOptions, context())) {
            console.info(org.description());
            Instant started = context().clock().instant();
            if (jobOptions.async()) {
                BulkJob job = startOnly(org);
                return Summaries.started(console, job.id(), job.state().name(), job.operation().wireName(), job.object(), 0);
            }
            return new QueryFlow(org, console, context(), spec.commandLine().getOut())
                    .query(soql, all, started, jobOptions.timeout(), json, out, jobOptions.resultsDir(context()));
        }
    }

    /**
     * Creates the query job and returns without waiting for it. The library has no "create only" call for queries,
     * so this asks {@code queryStream} to wait at most a millisecond: its timeout leaves the job running and names
     * it; a job that finished at once is returned as it is.
     */
    private BulkJob startOnly(OrgConnection org) {
        QueryOptions options = QueryOptions.builder().includeDeleted(all)
                .poll(org.poll().timeout(Duration.ofMillis(1)).build()).build();
        try (BulkRecordStream done = org.bulk().queryStream(soql, options)) {
            return done.job();
        } catch (BulkTimeoutException e) {
            return e.job();
        } catch (JobFailedException e) {
            return e.job();
        }
    }
}
