package dev.kinetic.emulator.state;

import java.util.Optional;

/**
 * A job's CSV dialect: its {@code columnDelimiter} and {@code lineEnding}. Immutable.
 *
 * @param delimiter the column delimiter
 * @param lineEnding the line ending
 */
public record CsvDialect(Delimiter delimiter, LineEnding lineEnding) {
    /** COMMA and LF, Salesforce's defaults. */
    public static final CsvDialect DEFAULT = new CsvDialect(Delimiter.COMMA, LineEnding.LF);

    /** The six column delimiters of Bulk API 2.0. */
    public enum Delimiter {
        BACKQUOTE('`'), CARET('^'), COMMA(','), PIPE('|'), SEMICOLON(';'), TAB('\t');

        private final char character;

        Delimiter(char character) {
            this.character = character;
        }

        /** The delimiter character. */
        public char character() {
            return character;
        }

        /** The delimiter with this wire name, e.g. {@code PIPE} (exact case). */
        public static Optional<Delimiter> fromWireName(String name) {
            for (Delimiter d : values()) {
                if (d.name().equals(name)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /** The two line endings of Bulk API 2.0. */
    public enum LineEnding {
        LF("\n"), CRLF("\r\n");

        private final String text;

        LineEnding(String text) {
            this.text = text;
        }

        /** The characters that end a line. */
        public String text() {
            return text;
        }

        /** The line ending with this wire name (exact case). */
        public static Optional<LineEnding> fromWireName(String name) {
            for (LineEnding e : values()) {
                if (e.name().equals(name)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }
}
