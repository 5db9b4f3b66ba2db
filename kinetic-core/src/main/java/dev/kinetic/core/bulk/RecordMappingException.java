package dev.kinetic.core.bulk;

import dev.kinetic.core.SalesforceException;

/**
 * A query result row that cannot become the requested Java type: a value that does not parse as the component's
 * type, an empty value for a primitive, a column the type has no property for (with
 * {@link RecordType#refuseUnknownColumns()}), or a property no column carries (with
 * {@link RecordType#requireAllFields()}). The message names the column, the value, the row and the Java type.
 */
public class RecordMappingException extends SalesforceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what did not fit, where, and the way out
     */
    public RecordMappingException(String message) {
        super(message);
    }
}
