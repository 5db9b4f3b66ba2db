package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-row checks that depend on whether a row inserts or updates: fields the user may not create or update
 * (INVALID_FIELD_FOR_INSERT_UPDATE), an {@code Id} given to an insert, and required fields left out on insert or set
 * to null with {@code #N/A} (REQUIRED_FIELD_MISSING). Immutable.
 */
final class RowChecks {
    private final JobPlan plan;
    private final List<FieldDef> required = new ArrayList<>();
    private final List<Integer> requiredColumns = new ArrayList<>();

    RowChecks(JobPlan plan) {
        this.plan = plan;
        for (FieldDef f : plan.type().fields()) {
            if (f.requiredOnCreate() && f.stored() && f.type() != FieldType.ID) {
                required.add(f);
                requiredColumns.add(plan.columnOf(f.name()));
            }
        }
    }

    void check(List<Row> rows) {
        for (Row r : rows) {
            if (r.ok()) {
                if (r.insert) {
                    checkInsert(r);
                } else {
                    checkUpdate(r);
                }
            }
        }
    }

    private void checkInsert(Row r) {
        List<String> denied = new ArrayList<>();
        for (ColumnPlan c : plan.columns()) {
            if (!r.sets(c.index())) {
                continue;
            }
            if (c.field().type() == FieldType.ID && !c.isLookup()) {
                r.fail(RowErrors.idOnInsert());
                return;
            }
            if (!c.field().createable()) {
                denied.add(c.field().name());
            }
        }
        if (!denied.isEmpty()) {
            r.fail(RowErrors.notWritable(denied));
            return;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            int column = requiredColumns.get(i);
            if (column < 0 || r.values[column] == null || r.values[column] == Row.UNSET) {
                missing.add(required.get(i).name());
            }
        }
        if (!missing.isEmpty()) {
            r.fail(RowErrors.requiredMissing(missing));
        }
    }

    private void checkUpdate(Row r) {
        List<String> denied = new ArrayList<>();
        List<String> nulled = new ArrayList<>();
        for (ColumnPlan c : plan.columns()) {
            int i = c.index();
            if (!r.sets(i) || i == plan.idColumn() || i == plan.keyColumn()) {
                continue;
            }
            FieldDef f = c.field();
            if (!f.updateable()) {
                denied.add(f.name());
            } else if (r.values[i] == null && !f.nillable() && f.type() != FieldType.BOOLEAN) {
                nulled.add(f.name());
            }
        }
        if (!denied.isEmpty()) {
            r.fail(RowErrors.notWritable(denied));
        } else if (!nulled.isEmpty()) {
            r.fail(RowErrors.requiredMissing(nulled));
        }
    }
}
