package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.FieldValues;
import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch: {@link #convert()} turns the cells into values (no database work), {@link #resolve(Connection)}
 * resolves ids, keys and relationships inside the caller's transaction and applies Salesforce's per-row checks in
 * order (values, targets, field permissions, required fields, uniqueness), {@link #apply()} writes the rows that
 * passed ({@link #write(Connection)} does both), and
 * {@link #results()} gives each row's outcome. Confined to the thread writing the batch.
 */
final class BatchRun {
    private final Database database;
    private final JobPlan plan;
    private final CellConverter converter;
    private final InsertLayout layout;
    private Connection connection;
    private final Mode mode;
    private final LocalDateTime now;
    private List<Row> rows; // null once let go (letRowsGo)
    private StatementRunner.Batch staged;

    /**
     * How a batch guards unique fields. OPTIMISTIC checks only the batch's own rows against each other and lets the
     * unique index refuse a value that a saved record holds (the batch is then redone CHECKED); CHECKED also looks
     * every value up first and writes in one JDBC batch (a concurrent batch can still win the race: then CAREFUL);
     * CAREFUL looks values up and writes row by row, failing only the rows that clash.
     */
    enum Mode { OPTIMISTIC, CHECKED, CAREFUL }

    BatchRun(Database database, JobPlan plan, CellConverter converter, InsertLayout layout, Mode mode,
             LocalDateTime now, List<String[]> cells) {
        this.database = database;
        this.plan = plan;
        this.converter = converter;
        this.layout = layout;
        this.mode = mode;
        this.now = now;
        this.rows = new ArrayList<>(cells.size());
        for (String[] c : cells) {
            rows.add(new Row(c, plan.width()));
        }
    }

    /** Writes the converted rows through {@code c}, which the caller commits or rolls back. */
    void write(Connection c) throws SQLException, StatementRunner.UniqueRace {
        resolve(c);
        apply();
    }

    /**
     * The reading half of {@link #write}, through {@code c}: resolves ids, upsert keys and relationships, applies the
     * per-row checks and gives the inserted rows their ids. Writes nothing.
     */
    void resolve(Connection c) throws SQLException {
        this.connection = c;
        RowResolver resolver = new RowResolver(database.schema(), plan, connection);
        switch (plan.operation()) {
            case DELETE, HARD_DELETE -> {
                resolver.resolveIds(rows, plan.operation() == DmlOperation.HARD_DELETE);
                return;
            }
            case UPDATE -> resolver.resolveIds(rows, false);
            case UPSERT -> resolver.resolveUpsertKeys(rows);
            default -> rows.forEach(r -> r.insert = true);
        }
        resolver.resolveLookups(rows);
        resolver.checkReferences(rows);
        new RowChecks(plan).check(rows);
        if (plan.composesName() && (layout.firstNameColumn() >= 0 || layout.lastNameColumn() >= 0)) {
            resolver.loadNames(okRows(false));
        }
        for (Row r : okRows(true)) {
            r.id = database.ids().next(plan.type().keyPrefix());
        }
        checkUnique();
    }

    /**
     * After {@link #resolve}, for a batch that {@link #resolvesWithoutOwnRecords}: binds its INSERT's values so that
     * {@link #apply} only has to send them (the binding then runs before the object's write lane, not in it). Does
     * nothing for a job with auto-numbered fields or a batch with no row left to insert. Writes nothing; a staged
     * statement that is never applied must be dropped with {@link #discardStaged}.
     */
    void stage() throws SQLException {
        List<Row> inserts = okRows(true);
        if (!resolvesWithoutOwnRecords() || !layout.autoNumbered().isEmpty() || inserts.isEmpty()) {
            return;
        }
        StatementRunner runner = new StatementRunner(connection, false, this::raceError);
        staged = new RowWrites(plan, layout, connection, runner, now).stageInsert(inserts);
    }

    /**
     * After {@link #stage} bound a statement and the caller took {@link #results()}: lets the rows go, so that they are
     * not on the heap while the batch waits for its object's write lane (the staged statement holds the values it
     * sends). Afterwards only {@link #apply} of that statement is possible. Does nothing when nothing is staged.
     */
    void letRowsGo() {
        if (staged != null) {
            rows = null;
        }
    }

    /** Drops the statement {@link #stage} bound, if {@link #apply} did not run it. */
    void discardStaged() throws SQLException {
        if (staged != null) {
            StatementRunner.Batch b = staged;
            staged = null;
            b.close();
        }
    }

    /** The writing half of {@link #write}, after {@link #resolve}: runs the batch's statements. */
    void apply() throws SQLException, StatementRunner.UniqueRace {
        if (staged != null) {
            // An optimistic insert: every row to write is in the staged INSERT; there is nothing to update.
            try (StatementRunner.Batch b = staged) {
                staged = null;
                b.execute();
            }
            return;
        }
        StatementRunner runner = new StatementRunner(connection, mode == Mode.CAREFUL, this::raceError);
        RowWrites writes = new RowWrites(plan, layout, connection, runner, now);
        if (plan.operation() == DmlOperation.DELETE || plan.operation() == DmlOperation.HARD_DELETE) {
            writes.delete(okRows(false));
            return;
        }
        writes.insert(okRows(true));
        writes.update(okRows(false));
    }

    /**
     * Whether {@link #resolve} reads nothing of the object's own records, so that it may run before the batch takes
     * the object's write lane (while an earlier batch of the object still writes and commits) and decide the same: an
     * insert that trusts the unique indexes (optimistic mode), with no relationship or reference to its own object and
     * no unique field that must be looked up. Such a batch's statements then fail as a whole or not at all, so its
     * {@link #results()} are known before they run.
     */
    boolean resolvesWithoutOwnRecords() {
        if (plan.operation() != DmlOperation.INSERT || mode != Mode.OPTIMISTIC) {
            return false;
        }
        String own = plan.type().name();
        for (ColumnPlan c : plan.columns()) {
            FieldDef f = c.field();
            boolean toOwn = c.isLookup() ? c.parent().name().equalsIgnoreCase(own)
                    : f.type() == FieldType.REFERENCE && f.referenceTo().stream().anyMatch(own::equalsIgnoreCase);
            boolean lookedUp = !c.isLookup() && f.unique() && f.type() != FieldType.ID && !KeyColumns.keyed(f);
            if (toOwn || lookedUp) {
                return false;
            }
        }
        return true;
    }

    /** Converts every cell to its field's value, failing the rows whose values are invalid. */
    void convert() {
        boolean deleting = plan.operation() == DmlOperation.DELETE || plan.operation() == DmlOperation.HARD_DELETE;
        List<ColumnPlan> columns = plan.columns();
        for (Row r : rows) {
            for (ColumnPlan c : columns) {
                int i = c.index();
                if (deleting && i != plan.idColumn()) {
                    r.values[i] = Row.UNSET;
                    continue;
                }
                String cell = r.cell(i);
                if (c.isLookup()) {
                    r.values[i] = cell.isEmpty() ? Row.UNSET : cell.equals(CellConverter.NULL_TEXT) ? null : cell;
                    continue;
                }
                try {
                    r.values[i] = converter.convert(c, cell);
                } catch (RowFailure f) {
                    r.fail(f.sfError());
                    r.values[i] = Row.UNSET;
                }
            }
        }
    }

    // Unique fields: no live record (other than the row's own) and no earlier row of the batch may hold the value.
    private void checkUnique() throws SQLException {
        for (ColumnPlan c : plan.columns()) {
            FieldDef f = c.field();
            if (c.isLookup() || !f.unique() || f.type() == FieldType.ID || c.index() == plan.keyColumn()) {
                continue;
            }
            // Looking 10,000 values up costs a tenth of a clean load's time; optimistic batches leave it to the unique
            // index that keyed fields have (other unique fields have none, so they are always looked up).
            Map<Object, List<String>> found = mode == Mode.OPTIMISTIC && KeyColumns.keyed(f) ? Map.of()
                    : RecordLookups.idsByKey(connection, plan.type(), f, keysOf(c));
            Map<Object, Row> firstInBatch = new HashMap<>();
            for (Row r : rows) {
                Object v = r.values[c.index()];
                if (!r.ok() || v == null || v == Row.UNSET) {
                    continue;
                }
                Object key = KeyColumns.key(f, v);
                String other = otherId(found.get(key), r.id);
                if (other != null) {
                    r.fail(RowErrors.duplicateValue(f, other));
                    continue;
                }
                Row first = firstInBatch.putIfAbsent(key, r);
                if (first != null) {
                    r.fail(RowErrors.duplicateValue(f, first.id));
                }
            }
        }
    }

    // The distinct keys of a unique column's values in the rows still ok, in row order.
    private Set<Object> keysOf(ColumnPlan c) {
        Set<Object> keys = new LinkedHashSet<>();
        for (Row r : rows) {
            Object v = r.values[c.index()];
            if (r.ok() && v != null && v != Row.UNSET) {
                keys.add(KeyColumns.key(c.field(), v));
            }
        }
        return keys;
    }

    // The error of a row that a concurrent batch beat to a unique value (careful mode).
    private String raceError(Row r) {
        try {
            for (ColumnPlan c : plan.columns()) {
                FieldDef f = c.field();
                Object v = r.values[c.index()];
                if (c.isLookup() || !KeyColumns.keyed(f) || !f.unique() || v == null || v == Row.UNSET) {
                    continue;
                }
                Object key = KeyColumns.key(f, v);
                String other = otherId(RecordLookups.idsByKey(connection, plan.type(), f, Set.of(key)).get(key), r.id);
                if (other != null) {
                    return RowErrors.duplicateValue(f, other);
                }
            }
        } catch (SQLException e) {
            // Fall through to the generic message: the row failed on a unique index either way.
        }
        return RowErrors.of("DUPLICATE_VALUE", "duplicate value found: unique field duplicates value on another record",
                null);
    }

    private static String otherId(List<String> ids, String own) {
        if (ids != null) {
            for (String id : ids) {
                if (!id.equals(own)) {
                    return id;
                }
            }
        }
        return null;
    }

    private List<Row> okRows(boolean inserts) {
        requireRows();
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (r.ok() && r.insert == inserts) {
                out.add(r);
            }
        }
        return out;
    }

    private void requireRows() {
        if (rows == null) {
            throw new IllegalStateException("The batch let its rows go once its statement was staged");
        }
    }

    /** The outcome of every row, in input order. */
    List<DmlRowResult> results() {
        requireRows();
        List<DmlRowResult> out = new ArrayList<>(rows.size());
        int width = plan.width();
        for (Row r : rows) {
            if (!r.ok()) {
                out.add(new DmlRowResult(false, r.insert ? "" : r.id, false, r.error, r.uploaded(width)));
                continue;
            }
            String[] echoed = new String[width];
            for (ColumnPlan c : plan.columns()) {
                echoed[c.index()] = echo(r, c);
            }
            out.add(new DmlRowResult(true, r.id, r.insert, null, List.of(echoed)));
        }
        return out;
    }

    // The stored value's text; the uploaded text for relationship columns, empty and #N/A cells.
    private static String echo(Row r, ColumnPlan c) {
        String cell = r.cell(c.index());
        Object v = r.values[c.index()];
        if (c.isLookup() || v == Row.UNSET || v == null) {
            return cell;
        }
        return FieldValues.formatEcho(c.field(), v);
    }
}
