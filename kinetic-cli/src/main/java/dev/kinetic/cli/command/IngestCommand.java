package dev.kinetic.cli.command;

import dev.kinetic.cli.CliException;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.options.JobOptions;
import dev.kinetic.cli.options.OrgOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.output.Unit;
import dev.kinetic.cli.results.ResultsDirectory;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The ingest commands ({@code insert}, {@code update}, {@code upsert}, {@code delete}, {@code hard-delete}): check
 * the file, run one job, write the result files, print a summary. Subclasses name the operation.
 */
abstract class IngestCommand extends BaseCommand {
    /** Salesforce's upload limit per ingest job. */
    static final long MAX_UPLOAD_BYTES = 150L * 1024 * 1024;

    @Parameters(index = "0", paramLabel = "OBJECT", description = "The sObject's API name, e.g. Account or "
            + "Invoice__c.")
    String object;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "The CSV file: UTF-8, a header row of field API names, any of the delimiters , ; | ^ ` "
                    + "TAB and LF or CRLF line endings (both detected from the file; a BOM is stripped).")
    String file;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "The file's character set (default UTF-8), e.g. ISO-8859-1 or windows-1252; the rows are "
                    + "sent as UTF-8. A byte that does not decode is a usage error naming its line, before any job.")
    String encoding;

    @Mixin
    OrgOptions orgOptions;

    @Mixin
    JobOptions jobOptions;

    /** The Bulk API operation, e.g. {@code insert}. */
    abstract String operation();

    /** The external id field (upsert only). */
    Optional<String> externalId() {
        return Optional.empty();
    }

    /** The column that must be in the file and identifies a row, if the operation has one. */
    Optional<String> keyColumn() {
        return Optional.of("Id");
    }

    @Override
    public Integer call() {
        jobOptions.timeout();
        Console console = console();
        Charset charset = charset(encoding);
        CsvInputFile input = CsvInputFile.inspect(context().resolve(file), charset);
        if (input.dataSize() > MAX_UPLOAD_BYTES) {
            throw CliException.usage(input.path() + " is " + Unit.BYTES.format(input.dataSize()) + "; one Bulk API "
                    + "job takes at most 150 MB: split it into smaller files (keep the header row in each)");
        }
        Optional<String> key = keyColumn();
        if (key.isPresent() && input.header().stream().noneMatch(h -> h.strip().equalsIgnoreCase(key.get()))) {
            throw CliException.usage(operation() + " needs a column '" + key.get() + "' in " + input.path()
                    + " (its header is " + String.join(",", input.header()) + ")");
        }
        if (!jobOptions.async()) {
            ResultsDirectory.checkWritable(jobOptions.resultsDir(context()));
        }
        try (OrgConnection org = OrgConnection.open(orgOptions, context())) {
            console.info(org.description());
            console.info("File: " + input.path() + " (" + Unit.BYTES.format(input.size()) + ", "
                    + input.dialect().describe() + ")");
            Instant started = context().clock().instant();
            IngestFlow flow = new IngestFlow(org, console, context());
            IngestFlow.JobUpload upload = flow.start(input, object, operation(), externalId());
            new JobNotes(input.path(), charset).save(context(), upload.job().id());
            if (jobOptions.async()) {
                return Summaries.started(console, upload.job(), upload.records());
            }
            IngestFlow.Outcome outcome = flow.finish(upload, Optional.of(input), jobOptions.timeout(),
                    jobOptions.resultsDir(context()), started);
            return Summaries.ingest(console, org, outcome);
        }
    }

    /** The character set named by {@code --encoding}. */
    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("Unknown --encoding '" + name + "'; use e.g. UTF-8, ISO-8859-1 or windows-1252",
                    e);
        }
    }

    /** The JSON fields every ingest summary has. */
    static Map<String, Object> jsonBase(OrgConnection org) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("org", org.description().replaceFirst("^Org: ", ""));
        return json;
    }
}
