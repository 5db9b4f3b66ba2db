package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch's checked rows: one batched INSERT for the inserts, one batched UPDATE per distinct set of changed
 * columns for the updates, one batched UPDATE (recycle bin) or DELETE for deletes. Confined to the thread writing the
 * batch.
 */
final class RowWrites {
    private final JobPlan plan;
    private final InsertLayout layout;
    private final Connection connection;
    private final StatementRunner runner;
    private final LocalDateTime now;

    RowWrites(JobPlan plan, InsertLayout layout, Connection connection, StatementRunner runner, LocalDateTime now) {
        this.plan = plan;
        this.layout = layout;
        this.connection = connection;
        this.runner = runner;
        this.now = now;
    }

    void insert(List<Row> rows) throws SQLException, StatementRunner.UniqueRace {
        if (rows.isEmpty()) {
            return;
        }
        List<List<String>> numbers = new ArrayList<>();
        for (FieldDef f : layout.autoNumbered()) {
            numbers.add(AutoNumbers.next(connection, plan.type(), f, rows.size()));
        }
        runner.run(layout.sql(), rows, insertBinder(numbers));
    }

    /**
     * The INSERT of {@code rows} (at least one) bound but not sent, for a job without auto-numbered fields (their
     * numbers are taken when the statement runs) in fast mode; the caller runs and closes it.
     */
    StatementRunner.Batch stageInsert(List<Row> rows) throws SQLException {
        if (!layout.autoNumbered().isEmpty() || rows.isEmpty()) {
            throw new IllegalStateException("only a batch with rows and no auto-numbered field is staged");
        }
        return runner.bind(layout.sql(), rows, insertBinder(List.of()));
    }

    private StatementRunner.Binder insertBinder(List<List<String>> numbers) {
        int[] position = {0};
        List<InsertLayout.Slot> slots = layout.slots();
        return (ps, r) -> {
            int p = position[0]++;
            for (int i = 0; i < slots.size(); i++) {
                ps.setObject(i + 1, insertValue(slots.get(i), r, numbers, p));
            }
        };
    }

    void update(List<Row> rows) throws SQLException, StatementRunner.UniqueRace {
        Map<String, List<Row>> byShape = new LinkedHashMap<>();
        for (Row r : rows) {
            char[] shape = new char[plan.width()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = writtenOnUpdate(i) && r.sets(i) ? '1' : '0';
            }
            byShape.computeIfAbsent(new String(shape), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Row>> e : byShape.entrySet()) {
            updateShape(e.getKey(), e.getValue());
        }
    }

    void delete(List<Row> rows) throws SQLException, StatementRunner.UniqueRace {
        String table = SqlNames.table(plan.type());
        String where = " WHERE " + SqlNames.column("Id") + " = ?";
        if (plan.operation() == DmlOperation.HARD_DELETE || !plan.hasRecycleBin()) {
            runner.run("DELETE FROM " + table + where, rows, (ps, r) -> ps.setString(1, r.id));
            return;
        }
        String sql = "UPDATE " + table + " SET " + SqlNames.column("IsDeleted") + " = TRUE" + auditColumns() + where;
        runner.run(sql, rows, (ps, r) -> ps.setString(bindAudit(ps, 1), r.id));
    }

    private void updateShape(String shape, List<Row> rows) throws SQLException, StatementRunner.UniqueRace {
        List<ColumnPlan> written = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        for (ColumnPlan c : plan.columns()) {
            if (shape.charAt(c.index()) == '1') {
                written.add(c);
                set.append(set.length() == 0 ? "" : ", ").append(SqlNames.column(c.field())).append(" = ?");
            }
        }
        int first = layout.firstNameColumn();
        int last = layout.lastNameColumn();
        boolean rename = plan.composesName()
                && ((first >= 0 && shape.charAt(first) == '1') || (last >= 0 && shape.charAt(last) == '1'));
        if (rename) {
            set.append(set.length() == 0 ? "" : ", ").append(SqlNames.column("Name")).append(" = ?");
        }
        String audit = auditColumns();
        String sql = "UPDATE " + SqlNames.table(plan.type()) + " SET " + (set.length() == 0 ? audit.substring(2)
                : set + audit) + " WHERE " + SqlNames.column("Id") + " = ?";
        runner.run(sql, rows, (ps, r) -> {
            int p = 1;
            for (ColumnPlan c : written) {
                Object v = r.values[c.index()];
                ps.setObject(p++, v == null && c.field().type() == FieldType.BOOLEAN ? Boolean.FALSE : v);
            }
            if (rename) {
                String firstName = first >= 0 && r.sets(first) ? (String) r.values[first] : r.existingFirstName;
                String lastName = last >= 0 && r.sets(last) ? (String) r.values[last] : r.existingLastName;
                ps.setString(p++, InsertLayout.composeName(firstName, lastName));
            }
            p = bindAudit(ps, p);
            ps.setString(p, r.id);
        });
    }

    private boolean writtenOnUpdate(int column) {
        ColumnPlan c = plan.columns().get(column);
        return column != plan.idColumn() && column != plan.keyColumn() && c.field().type() != FieldType.ID;
    }

    private String auditColumns() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("LastModifiedDate", "LastModifiedById", "SystemModstamp")) {
            if (plan.type().field(name).isPresent()) {
                sb.append(", ").append(SqlNames.column(name)).append(" = ?");
            }
        }
        return sb.toString();
    }

    private int bindAudit(PreparedStatement ps, int from) throws SQLException {
        int p = from;
        for (String name : List.of("LastModifiedDate", "LastModifiedById", "SystemModstamp")) {
            if (plan.type().field(name).isPresent()) {
                ps.setObject(p++, name.equals("LastModifiedById") ? plan.userId() : now);
            }
        }
        return p;
    }

    private Object insertValue(InsertLayout.Slot slot, Row r, List<List<String>> numbers, int position) {
        switch (slot.source()) {
            case ID:
                return r.id;
            case NOW:
                return now;
            case USER:
                return plan.userId();
            case AUTO_NUMBER:
                return numbers.get(slot.column()).get(position);
            case NAME:
                return InsertLayout.composeName(text(r, layout.firstNameColumn()), text(r, layout.lastNameColumn()));
            case CONSTANT:
                return slot.constant();
            case OWNER:
                Object owner = slot.column() < 0 ? null : r.values[slot.column()];
                return owner == null || owner == Row.UNSET ? plan.userId() : owner;
            default:
                Object v = r.values[slot.column()];
                return v == null || v == Row.UNSET ? slot.constant() : v;
        }
    }

    private static String text(Row r, int column) {
        if (column < 0) {
            return null;
        }
        Object v = r.values[column];
        return v == Row.UNSET ? null : (String) v;
    }
}
