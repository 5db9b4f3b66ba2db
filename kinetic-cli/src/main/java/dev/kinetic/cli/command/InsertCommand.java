package dev.kinetic.cli.command;

import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code kinetic insert}: Inserts the rows of a CSV file as new records. */
@Command(name = "insert", mixinStandardHelpOptions = true, description = "Inserts the rows of a CSV file as new records.",
        footerHeading = "%nExamples:%n", footer = {"  kinetic insert Account --file accounts.csv", "  kinetic insert Contact -f contacts.csv --results-dir out --json"})
public final class InsertCommand extends IngestCommand {
    @Override
    String operation() {
        return "insert";
    }

    @Override
    Optional<String> keyColumn() {
        return Optional.empty();
    }
}
