package dev.kinetic.cli.input;

/** The six column delimiters Bulk API 2.0 accepts, with their {@code columnDelimiter} names. */
public enum Delimiter {
    /** {@code ,} */
    COMMA(','),
    /** {@code ;} */
    SEMICOLON(';'),
    /** a tab */
    TAB('\t'),
    /** {@code |} */
    PIPE('|'),
    /** {@code ^} */
    CARET('^'),
    /** {@code `} */
    BACKQUOTE('`');

    private final char character;

    Delimiter(char character) {
        this.character = character;
    }

    /** The delimiter character. */
    public char character() {
        return character;
    }

    /** The value of the job's {@code columnDelimiter} field, e.g. {@code SEMICOLON}. */
    public String apiName() {
        return name();
    }

    /** A readable form for messages, e.g. {@code ';' (SEMICOLON)}. */
    public String display() {
        return (this == TAB ? "TAB" : "'" + character + "'") + " (" + apiName() + ")";
    }
}
