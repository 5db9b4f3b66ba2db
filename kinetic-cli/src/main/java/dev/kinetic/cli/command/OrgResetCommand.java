package dev.kinetic.cli.command;

import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.cli.options.OrgDirOption;
import dev.kinetic.cli.org.StoreUsage;
import dev.kinetic.emulator.LocalOrgStore;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kinetic org reset}: deletes the embedded org's directory, so the next command starts a new, empty org. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Deletes the embedded local org (.kinetic/local-org): every record, job, result file and "
                + "its credentials. The next command starts a new, empty org.",
                "Asks for confirmation on a terminal; give --yes in scripts. Refused while a kinetic serve or "
                        + "another command uses the org."},
        footerHeading = "%nExamples:%n", footer = {"  kinetic org reset", "  kinetic org reset --yes"})
public final class OrgResetCommand extends BaseCommand {
    @Mixin
    OrgDirOption dir;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        Path orgDir = context().resolve(dir.orgDir());
        if (!Files.isDirectory(orgDir)) {
            console().summary("No embedded local org in " + dir.orgDir() + ": nothing to reset.");
            return ExitCodes.OK;
        }
        long bytes = StoreUsage.bytes(orgDir);
        if (!yes && !confirmed(orgDir, bytes)) {
            return ExitCodes.USAGE;
        }
        deleteUnlessInUse(orgDir);
        console().summary("Reset the embedded local org: deleted " + dir.orgDir() + " ("
                + StoreUsage.format(bytes) + ").");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orgDir", orgDir.toString());
        json.put("deletedBytes", bytes);
        console().jsonSummary(json);
        return ExitCodes.OK;
    }

    private boolean confirmed(Path orgDir, long bytes) {
        Console terminal = System.console();
        if (!context().terminal() || terminal == null) {
            throw CliException.usage("kinetic org reset deletes " + orgDir + " (" + StoreUsage.format(bytes)
                    + ") and cannot be undone: add --yes to confirm");
        }
        String answer = terminal.readLine(String.format(Locale.ROOT, "Delete the embedded local org in %s (%s): "
                + "every record, job and result file? [y/N] ", orgDir, StoreUsage.format(bytes)));
        if (answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
            return true;
        }
        console().summary("Nothing deleted.");
        return false;
    }

    /*
     * The store's file lock is the one a running org holds (H2 locks its file), so holding it while deleting means
     * no org can be using the directory, nor open it meanwhile.
     */
    private static void deleteUnlessInUse(Path orgDir) {
        Path store = LocalOrgStore.storeFile(orgDir);
        if (!Files.exists(store)) {
            DemoFiles.deleteTree(orgDir);
            return;
        }
        try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw CliException.usage("The embedded local org in " + orgDir + " is in use (a kinetic serve or "
                        + "another command): stop it, then run kinetic org reset again; nothing was deleted");
            }
            DemoFiles.deleteTree(orgDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset " + orgDir + ": " + e.getMessage(), e);
        }
    }
}
