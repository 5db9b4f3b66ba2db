package dev.kinetic.cli.command;

import dev.kinetic.cli.CliException;
import dev.kinetic.cli.options.TimeoutOptions;
import dev.kinetic.cli.options.OrgOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkTimeoutException;
import dev.kinetic.core.bulk.ColumnDelimiter;
import dev.kinetic.core.bulk.LineEnding;
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
        description = {"Exports the records of a SOQL query with a Bulk API 2.0 query job, streaming page by page "
                + "to a CSV file (or a JSON array).",
                "The CSV is written as Salesforce writes query results, to a file or to standard output alike: the "
                        + "header and every value in double quotes, comma (or --column-delimiter) and LF (or "
                        + "--line-ending)."},
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic query \"SELECT Id, Name FROM Account\" --out accounts.csv",
                "  kinetic query \"SELECT Id, Name FROM Account WHERE IsDeleted = true\" --all --out deleted.csv",
                "  kinetic query \"SELECT Id FROM Contact\" --format json --out contacts.json",
                "  kinetic query --query-file accounts.soql --column-delimiter TAB --line-ending CRLF --out a.tsv"})
public final class QueryCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SOQL",
            description = "The query, e.g. \"SELECT Id, Name FROM Account\" (or give --query-file).")
    String soql;

    @Option(names = "--query-file", paramLabel = "FILE", description = "A file holding the query (UTF-8), instead "
            + "of SOQL on the command line.")
    String queryFile;

    @Option(names = {"--all", "--all-rows"}, description = "queryAll: include deleted and archived records.")
    boolean all;

    @Option(names = {"-o", "--out", "--output-file"}, paramLabel = "FILE",
            description = "Where to write the records (default <jobId>.csv or .json in --results-dir; '-' for "
                    + "standard output).")
    String out;

    @Option(names = {"--format", "-r", "--result-format"}, paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (default) or json (an array of objects; empty values become null).")
    String format;

    @Option(names = "--column-delimiter", paramLabel = "DELIMITER", defaultValue = "COMMA",
            description = "The CSV's delimiter, as the Salesforce CLI names them: ${COMPLETION-CANDIDATES} "
                    + "(default ${DEFAULT-VALUE}).")
    ColumnDelimiter columnDelimiter;

    @Option(names = "--line-ending", paramLabel = "ENDING", defaultValue = "LF",
            description = "The CSV's line ending: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    LineEnding lineEnding;

    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Where <jobId>.csv (or .json) goes when --out is not given (default: the current "
                    + "directory).")
    String resultsDir;

    @Option(names = "--async", description = "Print the job id and return at once; export it later with "
            + "'kinetic job results <id>'.")
    boolean async;

    @Mixin
    TimeoutOptions timeoutOptions;

    @Mixin
    OrgOptions orgOptions;

    @Override
    public Integer call() {
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "json" -> true;
            default -> throw CliException.usage("Unknown --format '" + format + "'; use csv or json");
        };
        soql = QueryText.of(soql, queryFile, context());
        timeoutOptions.timeout();
        if ("-".equals(out)) {
            messagesToStandardError();
        }
        Console console = console();
        if (!async && !"-".equals(out)) {
            Path target = out == null ? resultsDir() : context().resolve(out).toAbsolutePath().getParent();
            ResultsDirectory.checkWritable(target);
        }
        try (OrgConnection org = OrgConnection.open(orgOptions, context())) {
            console.info(org.description());
            Instant started = context().clock().instant();
            if (async) {
                BulkJob job = startOnly(org);
                return Summaries.startedQuery(console, job);
            }
            return new QueryFlow(org, console, context(), spec.commandLine().getOut())
                    .format(columnDelimiter, lineEnding)
                    .query(soql, all, started, timeoutOptions.timeout(), json, out, resultsDir());
        }
    }

    private Path resultsDir() {
        return context().resolve(resultsDir == null ? "." : resultsDir);
    }

    /**
     * Creates the query job and returns without waiting for it. The library has no "create only" call for queries,
     * so this asks {@code queryStream} to wait at most a millisecond: its timeout leaves the job running and names
     * it; a job that finished at once is returned as it is.
     */
    private BulkJob startOnly(OrgConnection org) {
        QueryOptions options = QueryOptions.builder().includeDeleted(all).columnDelimiter(columnDelimiter)
                .lineEnding(lineEnding).poll(org.poll().timeout(Duration.ofMillis(1)).build()).build();
        try (BulkRecordStream done = org.bulk().queryStream(soql, options)) {
            return done.job();
        } catch (BulkTimeoutException e) {
            return e.job();
        } catch (JobFailedException e) {
            return e.job();
        }
    }
}
