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
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a translated query and streams its rows: a forward-only, read-only cursor with a fetch size, in one
 * transaction on a session switched to H2's lazy query execution, so rows are produced as they are read rather than
 * gathered first (a query with ORDER BY still sorts before its first row). Immutable and thread-safe; each run
 * takes its own connection.
 */
final class QueryRunner implements PreparedQuery {
    private static final int FETCH_SIZE = 2_000;
    /** Fewer row keys than this per part are read in one go: splitting costs more than it saves. */
    static final long MIN_PART_KEYS = 50_000;

    private final Database database;
    private final TranslatedQuery query;
    private final long[] range;

    QueryRunner(Database database, TranslatedQuery query) {
        this(database, query, null);
    }

    private QueryRunner(Database database, TranslatedQuery query, long[] range) {
        this.database = database;
        this.query = query;
        this.range = range;
    }

    @Override
    public List<PreparedQuery> split(int parts) throws SQLException {
        if (parts < 2 || range != null || query.rangeSql() == null) {
            return List.of(this);
        }
        long min;
        long max;
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(_ROWID_), MAX(_ROWID_) FROM " + query.table())) {
            rs.next();
            min = rs.getLong(1);
            max = rs.getLong(2);
            if (rs.wasNull()) {
                return List.of(this);
            }
        }
        long keys = max - min + 1;
        int n = (int) Math.max(1, Math.min(parts, keys / MIN_PART_KEYS));
        if (n < 2) {
            return List.of(this);
        }
        List<PreparedQuery> out = new ArrayList<>(n);
        long step = (keys + n - 1) / n;
        for (int i = 0; i < n; i++) {
            long first = min + i * step;
            // The last part is open-ended: it also reads records saved after the split.
            long last = i == n - 1 ? Long.MAX_VALUE : Math.min(max, first + step - 1);
            out.add(new QueryRunner(database, query, new long[] {first, last}));
        }
        return out;
    }

    @Override
    public String objectName() {
        return query.objectName();
    }

    @Override
    public java.util.Optional<RecordLayout> layout() {
        return java.util.Optional.ofNullable(query.layout());
    }

    @Override
    public List<String> columns() {
        return query.columns();
    }

    /** The SQL that {@link #run} executes (for diagnostics and tests). */
    String sql() {
        return range == null ? query.sql() : query.rangeSql();
    }

    /** The SQL parameter values, in order. */
    List<Object> params() {
        if (range == null) {
            return query.params();
        }
        List<Object> params = new ArrayList<>(query.params());
        params.add(range[0]);
        params.add(range[1]);
        return params;
    }

    @Override
    public long run(RowSink sink) throws SQLException, IOException {
        try (Connection c = database.connection()) {
            // The read runs inside one transaction, which holds on to the store version it reads for as long as the
            // cursor is open, so pages that later writes replace stay readable. (A lazy read in auto-commit mode on
            // the file store, while H2 still auto-compacted it, once met freed pages: "Chunk … not found".)
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            lazy(c, true);
            try {
                long rows = stream(c, sink);
                c.commit();
                return rows;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                lazy(c, false);
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private long stream(Connection c, RowSink sink) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            List<Object> params = params();
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
            default -> field.type().isText() ? rs.getString(column) : rs.getObject(column);
        };
    }

    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }
}
