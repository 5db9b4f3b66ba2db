package dev.kinetic.cli.command;

import picocli.CommandLine.Command;

/** {@code kinetic delete}: Deletes the records whose Ids are in the CSV file's Id column (they go to the recycle bin). */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes the records whose Ids are in the CSV file's Id column (they go to the recycle bin).",
        footerHeading = "%nExamples:%n", footer = {"  kinetic delete Account --file ids.csv"})
public final class DeleteCommand extends IngestCommand {
    @Override
    String operation() {
        return "delete";
    }
}
