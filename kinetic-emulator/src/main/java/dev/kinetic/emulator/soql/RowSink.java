package dev.kinetic.emulator.soql;

import java.io.IOException;

/** Receives query result rows one at a time, so results of any size stream to a file. */
@FunctionalInterface
public interface RowSink {
    /** One row: one text per result column, {@code ""} for null, formatted as Salesforce returns values. */
    void row(String[] values) throws IOException;
}
