package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.FieldValues;
import dev.kinetic.emulator.db.InvalidValueException;
import dev.kinetic.emulator.ids.SalesforceIds;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves what a batch's rows point at, with one query per object and field for the whole batch: the records named
 * by {@code Id}, the records matched by an upsert key, the parents of relationship columns and the targets of
 * reference ids. Confined to the thread writing the batch.
 */
final class RowResolver {
    private final Schema schema;
    private final JobPlan plan;
    private final Connection connection;

    RowResolver(Schema schema, JobPlan plan, Connection connection) {
        this.schema = schema;
        this.plan = plan;
        this.connection = connection;
    }

    /** Update, delete, hardDelete: each row's Id must name an existing record (live, unless hard-deleting). */
    void resolveIds(List<Row> rows, boolean allowDeleted) throws SQLException {
        int idColumn = plan.idColumn();
        Set<String> ids = new LinkedHashSet<>();
        for (Row r : rows) {
            if (!r.ok()) {
                continue;
            }
            Object id = idColumn < 0 ? null : r.values[idColumn];
            if (id == null || id == Row.UNSET) {
                r.fail(RowErrors.missingId(plan.operation()));
            } else {
                r.id = (String) id;
                ids.add(r.id);
            }
        }
        Map<String, RecordLookups.Existing> found = RecordLookups.byIds(connection, plan.type(), ids, false);
        for (Row r : rows) {
            if (r.ok()) {
                checkExisting(r, found.get(r.id), allowDeleted);
            }
        }
    }

    /** Upsert: no match inserts, one match updates, several matches or a key repeated in the batch fail. */
    void resolveUpsertKeys(List<Row> rows) throws SQLException {
        FieldDef keyField = plan.keyField();
        int column = plan.keyColumn();
        Map<Object, Row> byKey = new HashMap<>();
        for (Row r : rows) {
            if (!r.ok()) {
                continue;
            }
            Object v = r.values[column];
            if (v == null || v == Row.UNSET) {
                r.insert = true;
                continue;
            }
            Object key = KeyColumns.key(keyField, v);
            if (byKey.putIfAbsent(key, r) != null) {
                r.fail(RowErrors.externalIdRepeatedInBatch(keyField, r.cell(column)));
            }
        }
        if (keyField.type() == FieldType.ID) {
            Map<String, RecordLookups.Existing> found = RecordLookups.byIds(connection, plan.type(),
                    toStrings(byKey.keySet()), false);
            for (Row r : byKey.values()) {
                r.id = (String) r.values[column];
                checkExisting(r, found.get(r.id), false);
            }
            return;
        }
        Map<Object, List<String>> found = RecordLookups.idsByKey(connection, plan.type(), keyField, byKey.keySet());
        for (Map.Entry<Object, Row> e : byKey.entrySet()) {
            Row r = e.getValue();
            List<String> ids = found.get(e.getKey());
            if (ids == null) {
                r.insert = true;
            } else if (ids.size() == 1) {
                r.id = ids.get(0);
            } else {
                r.fail(RowErrors.duplicateExternalId(keyField, ids));
            }
        }
    }

    /** Relationship columns: the cell's value must match exactly one live parent; its id replaces the value. */
    void resolveLookups(List<Row> rows) throws SQLException {
        for (ColumnPlan c : plan.columns()) {
            if (c.isLookup()) {
                resolveLookup(c, rows);
            }
        }
    }

    /** Reference ids given directly must point at existing, live records (of objects the schema knows). */
    void checkReferences(List<Row> rows) throws SQLException {
        for (ColumnPlan c : plan.columns()) {
            if (c.isLookup() || c.field().type() != FieldType.REFERENCE) {
                continue;
            }
            Map<String, Set<String>> idsByPrefix = new HashMap<>();
            for (Row r : rows) {
                if (r.ok() && r.values[c.index()] instanceof String id) {
                    idsByPrefix.computeIfAbsent(SalesforceIds.keyPrefix(id), k -> new LinkedHashSet<>()).add(id);
                }
            }
            Map<String, RecordLookups.Existing> found = new HashMap<>();
            Set<String> checked = new LinkedHashSet<>();
            for (Map.Entry<String, Set<String>> e : idsByPrefix.entrySet()) {
                SObjectType target = schema.byKeyPrefix(e.getKey()).orElse(null);
                if (target != null) {
                    found.putAll(RecordLookups.byIds(connection, target, e.getValue(), false));
                    checked.addAll(e.getValue());
                }
            }
            for (Row r : rows) {
                if (r.ok() && r.values[c.index()] instanceof String id && checked.contains(id)) {
                    checkExisting(r, found.get(id), false);
                }
            }
        }
    }

    /** Reads FirstName and LastName of the rows that update a record whose Name is composed. */
    void loadNames(List<Row> updates) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        updates.forEach(r -> ids.add(r.id));
        Map<String, RecordLookups.Existing> found = RecordLookups.byIds(connection, plan.type(), ids, true);
        for (Row r : updates) {
            RecordLookups.Existing e = found.get(r.id);
            if (e != null) {
                r.existingFirstName = e.firstName();
                r.existingLastName = e.lastName();
            }
        }
    }

    private void resolveLookup(ColumnPlan c, List<Row> rows) throws SQLException {
        FieldDef parentField = c.parentField();
        Object[] keys = new Object[rows.size()];
        Set<Object> distinct = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (!r.ok() || !(r.values[c.index()] instanceof String cell)) {
                continue;
            }
            try {
                keys[i] = KeyColumns.key(parentField, parentValue(c, cell));
                distinct.add(keys[i]);
            } catch (RowFailure f) {
                r.fail(f.sfError());
            }
        }
        Map<Object, List<String>> found = RecordLookups.idsByKey(connection, c.parent(), parentField, distinct);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (keys[i] == null || !r.ok()) {
                continue;
            }
            List<String> ids = found.get(keys[i]);
            if (ids == null) {
                r.fail(RowErrors.foreignKeyNotFound(r.cell(c.index()), parentField, c.parent().name()));
            } else if (ids.size() > 1) {
                r.fail(RowErrors.duplicateExternalId(parentField, ids));
            } else {
                r.values[c.index()] = ids.get(0);
            }
        }
    }

    private Object parentValue(ColumnPlan c, String cell) throws RowFailure {
        FieldDef parentField = c.parentField();
        if (parentField.type() == FieldType.ID) {
            CellConverter.IdTarget target = new CellConverter.IdTarget(Set.of(c.parent().keyPrefix()), Set.of(),
                    false, c.parent().label());
            return CellConverter.id(target, cell, c.field().name());
        }
        if (parentField.type().isText()) {
            return cell;
        }
        try {
            return FieldValues.parse(parentField, cell);
        } catch (InvalidValueException e) {
            throw new RowFailure(RowErrors.wrongType(parentField, cell));
        }
    }

    private static void checkExisting(Row r, RecordLookups.Existing e, boolean allowDeleted) {
        if (e == null) {
            r.fail(RowErrors.crossReference());
        } else if (e.deleted() && !allowDeleted) {
            r.fail(RowErrors.entityDeleted());
        }
    }

    private static List<String> toStrings(Set<Object> keys) {
        List<String> out = new ArrayList<>(keys.size());
        keys.forEach(k -> out.add((String) k));
        return out;
    }
}
