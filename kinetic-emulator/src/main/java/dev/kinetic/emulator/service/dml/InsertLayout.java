package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.PicklistValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The INSERT statement of a job, worked out once: which columns it writes and where each value comes from (a CSV
 * column, the new id, the clock, the job's user, a default, the composed Name, an auto-number). Immutable.
 */
final class InsertLayout {
    enum Source { COLUMN, ID, NOW, USER, OWNER, CONSTANT, NAME, AUTO_NUMBER }

    /** One inserted column and the origin of its value. */
    record Slot(FieldDef field, Source source, int column, Object constant) {
    }

    private final List<Slot> slots;
    private final List<FieldDef> autoNumbered;
    private final String sql;
    private final int firstNameColumn;
    private final int lastNameColumn;

    InsertLayout(JobPlan plan) {
        List<Slot> list = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (ColumnPlan c : plan.columns()) {
            FieldDef f = c.field();
            if (f.type() == FieldType.ID || !f.createable()) {
                continue;
            }
            Source source = f.name().equals("OwnerId") ? Source.OWNER : Source.COLUMN;
            list.add(new Slot(f, source, c.index(), defaultOf(f)));
            taken.add(lower(f));
        }
        List<FieldDef> autos = new ArrayList<>();
        boolean composes = plan.composesName();
        for (FieldDef f : plan.type().storedFields()) {
            if (taken.contains(lower(f))) {
                continue;
            }
            Slot slot = systemSlot(f, composes, autos);
            if (slot != null) {
                list.add(slot);
            }
        }
        this.slots = List.copyOf(list);
        this.autoNumbered = List.copyOf(autos);
        this.firstNameColumn = plan.columnOf("FirstName");
        this.lastNameColumn = plan.columnOf("LastName");
        StringBuilder cols = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (Slot s : slots) {
            cols.append(cols.length() == 0 ? "" : ", ").append(SqlNames.column(s.field()));
            marks.append(marks.length() == 0 ? "?" : ", ?");
        }
        this.sql = "INSERT INTO " + SqlNames.table(plan.type()) + " (" + cols + ") VALUES (" + marks + ")";
    }

    List<Slot> slots() {
        return slots;
    }

    List<FieldDef> autoNumbered() {
        return autoNumbered;
    }

    String sql() {
        return sql;
    }

    int firstNameColumn() {
        return firstNameColumn;
    }

    int lastNameColumn() {
        return lastNameColumn;
    }

    /** Name as Salesforce composes it: FirstName and LastName joined by a space, trimmed; null when both are null. */
    static String composeName(String first, String last) {
        if (first == null && last == null) {
            return null;
        }
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? null : name;
    }

    // The value a field takes when an insert leaves it out: a checkbox's default (unchecked unless the describe says
    // "defaultValue": true), the default picklist value.
    static Object defaultOf(FieldDef f) {
        if (f.type() == FieldType.BOOLEAN) {
            return Boolean.valueOf("true".equalsIgnoreCase(f.defaultValue()));
        }
        if (f.defaultedOnCreate()) {
            for (PicklistValue v : f.picklistValues()) {
                if (v.defaultValue() && v.active()) {
                    return v.value();
                }
            }
        }
        return null;
    }

    private static Slot systemSlot(FieldDef f, boolean composes, List<FieldDef> autos) {
        switch (f.name()) {
            case "Id":
                return new Slot(f, Source.ID, -1, null);
            case "CreatedDate", "LastModifiedDate", "SystemModstamp":
                return new Slot(f, Source.NOW, -1, null);
            case "CreatedById", "LastModifiedById":
                return new Slot(f, Source.USER, -1, null);
            case "OwnerId":
                return new Slot(f, Source.OWNER, -1, null);
            case "Name":
                if (composes) {
                    return new Slot(f, Source.NAME, -1, null);
                }
                break;
            default:
                break;
        }
        if (f.autoNumber()) {
            autos.add(f);
            return new Slot(f, Source.AUTO_NUMBER, autos.size() - 1, null);
        }
        Object value = defaultOf(f);
        return value == null ? null : new Slot(f, Source.CONSTANT, -1, value);
    }

    private static String lower(FieldDef f) {
        return f.name().toLowerCase(Locale.ROOT);
    }
}
