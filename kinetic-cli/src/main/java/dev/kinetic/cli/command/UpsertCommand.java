package dev.kinetic.cli.command;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kinetic upsert}: inserts or updates records matched by an external id field. */
@Command(name = "upsert", mixinStandardHelpOptions = true,
        description = "Inserts or updates records from a CSV file, matching them by an external id field: no match "
                + "inserts, one match updates, several matches fail the row.",
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic upsert Account --external-id External_Key__c --file accounts.csv"})
public final class UpsertCommand extends IngestCommand {
    @Option(names = "--external-id", required = true, paramLabel = "FIELD",
            description = "The external id field that matches rows to records, e.g. External_Key__c (or Id).")
    String externalIdField;

    @Override
    String operation() {
        return "upsert";
    }

    @Override
    Optional<String> externalId() {
        return Optional.of(externalIdField);
    }

    @Override
    Optional<String> keyColumn() {
        return Optional.of(externalIdField);
    }
}
