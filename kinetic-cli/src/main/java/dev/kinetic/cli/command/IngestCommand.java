package dev.kinetic.cli.command;

import dev.kinetic.cli.LoadsRows;
import dev.kinetic.cli.CliException;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.options.JobOptions;
import dev.kinetic.cli.options.OrgOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.cli.results.ResultsDirectory;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The ingest commands ({@code insert}, {@code update}, {@code upsert}, {@code delete}, {@code hard-delete}): check
 * the file, run one job, write the result files, print a summary. Subclasses name the operation.
 */
abstract class IngestCommand extends BaseCommand implements LoadsRows {
    @Parameters(index = "0", arity = "0..1", paramLabel = "OBJECT", description = "The sObject's API name, e.g. "
            + "Account or Invoice__c (or give -s/--sobject).")
    String object;

    @Option(names = {"-s", "--sobject"}, paramLabel = "OBJECT", description = "The sObject, as the Salesforce CLI "
            + "takes it (instead of the OBJECT argument).")
    String sobject;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "The CSV file: UTF-8, a header row of field API names, any of the delimiters , ; | ^ ` "
                    + "TAB and LF or CRLF line endings (both detected from the file; a BOM is stripped).")
    String file;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "The file's character set (default UTF-8), e.g. ISO-8859-1 or windows-1252; the rows are "
                    + "sent as UTF-8. A byte that does not decode is a usage error naming its line, before any job.")
    String encoding;

    @Option(names = "--max-bytes-per-job", hidden = true, paramLabel = "BYTES",
            description = "Split the file into jobs of at most this many bytes (default 100,000,000; for tests).")
    long maxBytesPerJob = IngestFlow.DEFAULT_MAX_BYTES_PER_JOB;

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
        String target = sobject();
        Console console = console();
        Charset charset = charset(encoding);
        CsvInputFile input = CsvInputFile.inspect(context().resolve(file), charset);
        Optional<String> key = keyColumn();
        if (key.isPresent() && input.header().stream().noneMatch(h -> h.strip().equalsIgnoreCase(key.get()))) {
            throw CliException.usage(operation() + " needs a column '" + key.get() + "' in " + input.path()
                    + " (its header is " + String.join(",", input.header()) + ")");
        }
        if (!jobOptions.async() && jobOptions.resultFiles()) {
            ResultsDirectory.checkWritable(jobOptions.resultsDir(context()));
        }
        try (UploadFile upload = UploadFile.of(input, console);
             OrgConnection org = OrgConnection.open(orgOptions, context())) {
            console.info(org.description());
            return new IngestLoad(target, operation(), externalId(), maxBytesPerJob).run(org, upload,
                    JobNotes.of(input.path(), charset, upload.stripped(), List.of()), jobOptions, console, context());
        }
    }

    /** The object from the argument or {@code --sobject}: one of them, or both the same. */
    private String sobject() {
        if (object != null && sobject != null && !object.equals(sobject)) {
            throw CliException.usage("The object is given twice, as " + object + " and --sobject " + sobject
                    + "; give one of them");
        }
        String name = object != null ? object : sobject;
        if (name == null || name.isBlank()) {
            throw CliException.usage("Missing the object: give its API name, e.g. 'kinetic " + operation()
                    + " Account --file accounts.csv' (or --sobject Account)");
        }
        return name;
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
