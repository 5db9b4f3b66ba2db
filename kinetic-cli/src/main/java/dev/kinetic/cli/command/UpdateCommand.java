package dev.kinetic.cli.command;

import picocli.CommandLine.Command;

/** {@code kinetic update}: Updates records by Id from a CSV file (every row needs an Id; empty cells leave a field unchanged, #N/A clears it). */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Updates records by Id from a CSV file (every row needs an Id; empty cells leave a field unchanged, #N/A clears it).",
        footerHeading = "%nExamples:%n", footer = {"  kinetic update Account --file changes.csv"})
public final class UpdateCommand extends IngestCommand {
    @Override
    String operation() {
        return "update";
    }
}
