package dev.kinetic.cli.input;

/** The two line endings Bulk API 2.0 accepts, with their {@code lineEnding} names. */
public enum LineEnding {
    /** {@code \n} */
    LF("\n"),
    /** {@code \r\n} */
    CRLF("\r\n");

    private final String characters;

    LineEnding(String characters) {
        this.characters = characters;
    }

    /** The characters that end a line. */
    public String characters() {
        return characters;
    }

    /** The value of the job's {@code lineEnding} field. */
    public String apiName() {
        return name();
    }
}
