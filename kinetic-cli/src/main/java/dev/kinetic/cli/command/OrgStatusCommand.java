package dev.kinetic.cli.command;

import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.options.OrgDirOption;
import dev.kinetic.cli.org.StoreUsage;
import dev.kinetic.emulator.LocalOrgStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinetic org status}: the embedded org's size on disk and how many records and jobs it holds. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the embedded local org's size on disk (database and job files) and how many "
                + "records and jobs it holds. Starts no org and changes nothing."},
        footerHeading = "%nExamples:%n", footer = {"  kinetic org status", "  kinetic org status --json"})
public final class OrgStatusCommand extends BaseCommand {
    @Mixin
    OrgDirOption dir;

    @Override
    public Integer call() {
        Path orgDir = context().resolve(dir.orgDir());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orgDir", orgDir.toString());
        if (!LocalOrgStore.exists(orgDir)) {
            console().summary("No embedded local org in " + dir.orgDir() + " yet (the first command that uses it "
                    + "creates it).");
            json.put("exists", false);
            console().jsonSummary(json);
            return ExitCodes.OK;
        }
        StoreUsage usage = StoreUsage.of(orgDir);
        console().summary("Embedded local org: " + dir.orgDir());
        console().summary("Size on disk: " + StoreUsage.format(usage.total()) + " (database "
                + StoreUsage.format(usage.database()) + ", job files " + StoreUsage.format(usage.jobFiles()) + ")");
        json.put("exists", true);
        json.put("bytes", usage.total());
        json.put("databaseBytes", usage.database());
        json.put("jobFileBytes", usage.jobFiles());
        try {
            LocalOrgStore.Contents contents = LocalOrgStore.contents(orgDir);
            console().summary(String.format(Locale.ROOT, "Records: %,d%s", contents.totalRecords(),
                    contents.records().isEmpty() ? "" : contents.records().entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", ", " (", ")"))));
            console().summary(String.format(Locale.ROOT, "Jobs: %,d", contents.jobs()));
            json.put("records", contents.records());
            json.put("jobs", contents.jobs());
        } catch (IllegalStateException e) {
            console().summary("Records and jobs: not read (" + e.getMessage() + ")");
        }
        console().jsonSummary(json);
        return ExitCodes.OK;
    }
}
