package dev.kinetic.core.bulk;

/** The six column delimiters the Bulk API 2.0 accepts, with their wire names. */
public enum ColumnDelimiter {
    /** {@code `} */
    BACKQUOTE('`'),
    /** {@code ^} */
    CARET('^'),
    /** {@code ,} (the default) */
    COMMA(','),
    /** {@code |} */
    PIPE('|'),
    /** {@code ;} */
    SEMICOLON(';'),
    /** a tab */
    TAB('\t');

    private final char character;

    ColumnDelimiter(char character) {
        this.character = character;
    }

    /** {@return the delimiter character} */
    public char character() {
        return character;
    }

    /**
     * The delimiter for a character.
     *
     * @param c one of {@code ` ^ , | ;} or tab
     * @return the delimiter
     * @throws IllegalArgumentException for any other character
     */
    public static ColumnDelimiter of(char c) {
        for (ColumnDelimiter d : values()) {
            if (d.character == c) {
                return d;
            }
        }
        throw new IllegalArgumentException("Salesforce accepts no column delimiter '" + c
                + "'; use one of ` ^ , | ; or tab");
    }
}
