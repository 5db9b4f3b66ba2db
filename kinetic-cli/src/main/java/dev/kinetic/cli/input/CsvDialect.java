package dev.kinetic.cli.input;

import java.util.Objects;

/**
 * How a CSV file is written: its delimiter, its line ending and whether it starts with a UTF-8 byte order mark.
 * Immutable.
 *
 * @param delimiter  the column delimiter
 * @param lineEnding the line ending of the header row, which the whole file must use
 * @param bom        whether the file starts with {@code EF BB BF} (stripped before upload)
 */
public record CsvDialect(Delimiter delimiter, LineEnding lineEnding, boolean bom) {
    /** Checks the parts are present. */
    public CsvDialect {
        Objects.requireNonNull(delimiter, "delimiter == null");
        Objects.requireNonNull(lineEnding, "lineEnding == null");
    }

    /** A readable form for messages, e.g. {@code delimiter ';' (SEMICOLON), line ending CRLF, BOM stripped}. */
    public String describe() {
        return "delimiter " + delimiter.display() + ", line ending " + lineEnding.apiName()
                + (bom ? ", BOM stripped" : "");
    }
}
