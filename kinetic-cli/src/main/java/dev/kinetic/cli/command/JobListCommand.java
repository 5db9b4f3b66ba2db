package dev.kinetic.cli.command;

import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.options.OrgOptions;
import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobPage;
import dev.kinetic.core.bulk.JobKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
            List<BulkJob> jobs = list(org, Math.max(1, limit));
            jobs.forEach(job -> console().info(JobIdCommand.describe(job)));
            console().summary(jobs.size() + " job" + (jobs.size() == 1 ? "" : "s"));
            Map<String, Object> json = IngestCommand.jsonBase(org);
            json.put("jobs", jobs.stream().map(JobJson::toMap).toList());
            console().jsonSummary(json);
            return ExitCodes.OK;
        }
    }

    /** Ingest jobs, then query jobs, page by page, up to {@code limit}; a job both lists return is listed once. */
    private static List<BulkJob> list(OrgConnection org, int limit) {
        Map<String, BulkJob> jobs = new LinkedHashMap<>();
        for (JobKind kind : List.of(JobKind.INGEST, JobKind.QUERY)) {
            String token = null;
            while (jobs.size() < limit) {
                BulkJobPage page = org.bulk().listJobs(kind, token);
                for (BulkJob job : page.jobs()) {
                    if (jobs.size() < limit) {
                        jobs.putIfAbsent(job.id(), job);
                    }
                }
                if (page.isLast()) {
                    break;
                }
                token = page.nextPageToken().orElseThrow();
            }
        }
        return new ArrayList<>(jobs.values());
    }
}
