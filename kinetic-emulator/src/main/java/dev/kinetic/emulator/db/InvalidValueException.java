package dev.kinetic.emulator.db;

/** A text value that cannot be stored in a field of its type (the row fails with INVALID_TYPE_ON_FIELD_IN_RECORD). */
public final class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, e.g. {@code value not of required type: 250.0} */
    public InvalidValueException(String message) {
        super(message);
    }
}
