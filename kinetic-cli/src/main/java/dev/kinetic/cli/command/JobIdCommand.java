package dev.kinetic.cli.command;

import dev.kinetic.cli.CliException;
import dev.kinetic.cli.options.OrgOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.core.bulk.BulkJob;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A {@code job} subcommand that works on one job id. */
abstract class JobIdCommand extends BaseCommand {
    private static final Pattern JOB_ID = Pattern.compile("750[0-9A-Za-z]{12}([0-9A-Za-z]{3})?");

    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job id (15 or 18 characters, starts 750).")
    String jobId;

    @Mixin
    OrgOptions orgOptions;

    /** Checks the id before anything is sent. */
    final String checkedId() {
        if (!JOB_ID.matcher(jobId).matches()) {
            throw CliException.usage("'" + jobId + "' is not a job id (ids of jobs have 15 or 18 letters and digits "
                    + "and start with 750); list jobs with 'kinetic job list'");
        }
        return jobId;
    }

    /** A one-line description of a job. */
    static String describe(BulkJob job) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %-10s %-20s %-14s", job.id(),
                job.operation().wireName(), job.object(), job.state().name()));
        // A job list carries no counters: show them only where the org gave them.
        job.numberRecordsProcessed().ifPresent(n -> line.append(String.format(Locale.ROOT, " %,d processed", n)));
        job.numberRecordsFailed().ifPresent(n -> line.append(String.format(Locale.ROOT, ", %,d failed", n)));
        job.errorMessage().ifPresent(m -> line.append(" (").append(m).append(')'));
        return line.toString();
    }

    @Override
    public final Integer call() {
        String id = checkedId();
        try (OrgConnection org = OrgConnection.open(orgOptions, context())) {
            console().info(org.description());
            return run(org, id);
        }
    }

    /** Does the work once the org is open. */
    abstract int run(OrgConnection org, String id);
}
