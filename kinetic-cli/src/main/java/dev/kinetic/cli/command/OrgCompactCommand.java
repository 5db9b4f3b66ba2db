package dev.kinetic.cli.command;

import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.options.OrgDirOption;
import dev.kinetic.cli.org.StoreUsage;
import dev.kinetic.emulator.LocalOrgStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinetic org compact}: rewrites the embedded org's database with only its live data. */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Compacts the embedded local org's database: rewrites it with only its live data, keeping "
                + "every record, job and credential. The store only grows while it is used, and is compacted "
                + "anyway when a command closes it with a quarter or more of it unused; this does it now.",
                "The live data goes into a new file that replaces the old one in a single rename, so an "
                        + "interruption leaves the old store as it was."},
        footerHeading = "%nExamples:%n", footer = {"  kinetic org compact"})
public final class OrgCompactCommand extends BaseCommand {
    @Mixin
    OrgDirOption dir;

    @Override
    public Integer call() {
        Path orgDir = context().resolve(dir.orgDir());
        if (!LocalOrgStore.exists(orgDir)) {
            console().summary("No embedded local org in " + dir.orgDir() + ": nothing to compact.");
            return ExitCodes.OK;
        }
        long before = StoreUsage.bytes(orgDir.resolve("db"));
        Instant started = context().clock().instant();
        try {
            LocalOrgStore.compact(orgDir);
        } catch (IllegalStateException e) {
            throw CliException.usage(e.getMessage() + " (stop the kinetic serve or command that uses it, then "
                    + "run kinetic org compact again)", e);
        }
        Duration took = Duration.between(started, context().clock().instant());
        long after = StoreUsage.bytes(orgDir.resolve("db"));
        console().summary(String.format(Locale.ROOT, "Compacted %s: database %s -> %s in %.1f s", dir.orgDir(),
                StoreUsage.format(before), StoreUsage.format(after), took.toMillis() / 1000.0));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orgDir", orgDir.toString());
        json.put("databaseBytesBefore", before);
        json.put("databaseBytesAfter", after);
        json.put("seconds", took.toMillis() / 1000.0);
        console().jsonSummary(json);
        return ExitCodes.OK;
    }
}
