package dev.kinetic.emulator.soql;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/** A parsed, checked SOQL query, ready to run. Immutable; {@link #run(RowSink)} may be called more than once. */
public interface PreparedQuery {
    /** The FROM object's API name as the schema spells it, e.g. {@code Account}. */
    String objectName();

    /** The result header: one name per selected field, as requested ({@code Id}, {@code Account.Name}). */
    List<String> columns();

    /**
     * Runs the query and streams its rows to the sink.
     *
     * @return the number of rows
     */
    long run(RowSink sink) throws SQLException, IOException;
}
