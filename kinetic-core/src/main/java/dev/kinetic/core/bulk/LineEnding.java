package dev.kinetic.core.bulk;

/** The line ending of CSV data and of a job's {@code lineEnding} property. */
public enum LineEnding {
    /** {@code \n}, Salesforce's default. */
    LF("\n"),
    /** {@code \r\n}. */
    CRLF("\r\n");

    private final String separator;

    LineEnding(String separator) {
        this.separator = separator;
    }

    /** {@return the characters that end a line} */
    public String separator() {
        return separator;
    }
}
