package dev.kinetic.cli.command;

import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.bulk.JobInfo;
import dev.kinetic.cli.bulk.JobInfoJson;
import dev.kinetic.cli.options.OrgOptions;
import dev.kinetic.cli.org.OrgConnection;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kinetic job list}: lists ingest and query jobs. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the org's ingest and query jobs.",
        footerHeading = "%nExamples:%n", footer = {"  kinetic job list", "  kinetic job list --limit 20 --json"})
public final class JobListCommand extends BaseCommand {
    @Mixin
    OrgOptions orgOptions;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "200",
            description = "Show at most N jobs (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        try (OrgConnection org = OrgConnection.open(orgOptions, context())) {
            console().info(org.description());
            List<JobInfo> jobs = org.jobs().list(Math.max(1, limit));
            jobs.forEach(job -> console().info(JobIdCommand.describe(job)));
            console().summary(jobs.size() + " job" + (jobs.size() == 1 ? "" : "s"));
            Map<String, Object> json = IngestCommand.jsonBase(org);
            json.put("jobs", jobs.stream().map(JobInfoJson::toMap).toList());
            console().jsonSummary(json);
            return ExitCodes.OK;
        }
    }
}
