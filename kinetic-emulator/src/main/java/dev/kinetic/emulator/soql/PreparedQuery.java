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

    /** For a query prepared for the REST API, how its columns nest into records; empty for a Bulk query. */
    default java.util.Optional<RecordLayout> layout() {
        return java.util.Optional.empty();
    }

    /**
     * Runs the query and streams its rows to the sink.
     *
     * @return the number of rows
     */
    long run(RowSink sink) throws SQLException, IOException;

    /**
     * The query as at most {@code parts} queries over consecutive ranges of the object's records, to be run in
     * parallel: their rows, taken part after part, are this query's rows in this query's order. A query that sorts,
     * has a LIMIT or reads few records is not split and comes back alone.
     */
    default List<PreparedQuery> split(int parts) throws SQLException {
        return List.of(this);
    }
}
