package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.schema.FieldDef;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Runs a translated query and streams its rows: a forward-only, read-only cursor with a fetch size, on a session
 * switched to H2's lazy query execution so rows are produced as they are read rather than gathered first (a query
 * with ORDER BY still sorts before its first row). Immutable and thread-safe; each run takes its own connection.
 */
final class QueryRunner implements PreparedQuery {
    private static final int FETCH_SIZE = 2_000;

    private final Database database;
    private final TranslatedQuery query;

    QueryRunner(Database database, TranslatedQuery query) {
        this.database = database;
        this.query = query;
    }

    @Override
    public String objectName() {
        return query.objectName();
    }

    @Override
    public List<String> columns() {
        return query.columns();
    }

    /** The SQL that {@link #run} executes (for diagnostics and tests). */
    String sql() {
        return query.sql();
    }

    /** The SQL parameter values, in order. */
    List<Object> params() {
        return query.params();
    }

    @Override
    public long run(RowSink sink) throws SQLException, IOException {
        try (Connection c = database.connection()) {
            // Lazy execution streams rows from an in-memory store. On the file store a long lazy read can meet pages
            // that H2's background writer has already freed ("Chunk … not found" after a large load), so there the
            // result is materialised by H2, which spills large results to temporary files, inside one transaction.
            boolean lazy = c.getMetaData().getURL().startsWith("jdbc:h2:mem:");
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            if (lazy) {
                lazy(c, true);
            }
            try {
                long rows = stream(c, sink);
                c.commit();
                return rows;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                if (lazy) {
                    lazy(c, false);
                }
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private long stream(Connection c, RowSink sink) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            List<Object> params = query.params();
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<FieldDef> fields = query.fields();
            int n = fields.size();
            FieldDef[] defs = fields.toArray(new FieldDef[0]);
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] values = new String[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = ResultValues.format(defs[i], read(rs, i + 1, defs[i]));
                    }
                    sink.row(values);
                    rows++;
                }
            }
            return rows;
        }
    }

    // Reads a column as the Java value FieldValues formats; dates and times without the JVM time zone in between.
    private static Object read(ResultSet rs, int column, FieldDef field) throws SQLException {
        return switch (field.type()) {
            case DATE -> rs.getObject(column, LocalDate.class);
            case DATETIME -> rs.getObject(column, LocalDateTime.class);
            case TIME -> rs.getObject(column, LocalTime.class);
            default -> rs.getObject(column);
        };
    }

    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }
}
