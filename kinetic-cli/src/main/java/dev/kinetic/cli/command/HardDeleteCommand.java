package dev.kinetic.cli.command;

import picocli.CommandLine.Command;

/** {@code kinetic hard-delete}: Deletes the records whose Ids are in the CSV file's Id column for good (no recycle bin; needs the Bulk API Hard Delete permission on a real org). */
@Command(name = "hard-delete", mixinStandardHelpOptions = true, description = "Deletes the records whose Ids are in the CSV file's Id column for good (no recycle bin; needs the Bulk API Hard Delete permission on a real org).",
        footerHeading = "%nExamples:%n", footer = {"  kinetic hard-delete Account --file ids.csv"})
public final class HardDeleteCommand extends IngestCommand {
    @Override
    String operation() {
        return "hardDelete";
    }
}
