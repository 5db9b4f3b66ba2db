package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import java.util.List;
import java.util.Optional;

/**
 * Everything about a job that does not change from row to row, worked out once by {@link HeaderPlanner}: the object,
 * the operation, each column's plan, where the {@code Id} and upsert key columns are. Immutable.
 *
 * @param type the job's object
 * @param operation the operation
 * @param userId the job's user (CreatedById, LastModifiedById, default OwnerId)
 * @param columns one plan per header cell
 * @param idColumn the index of the {@code Id} column, or -1
 * @param keyColumn the index of the upsert key column, or -1 when not an upsert
 * @param keyField the upsert key field, or null when not an upsert
 */
record JobPlan(SObjectType type, DmlOperation operation, String userId, List<ColumnPlan> columns, int idColumn,
               int keyColumn, FieldDef keyField) {

    JobPlan {
        columns = List.copyOf(columns);
    }

    int width() {
        return columns.size();
    }

    /** Whether deletes go to the recycle bin (the object has {@code IsDeleted}). */
    boolean hasRecycleBin() {
        return type.field("IsDeleted").isPresent();
    }

    /** Whether {@code Name} is composed from FirstName and LastName (Contact, Lead, User). */
    boolean composesName() {
        Optional<FieldDef> name = type.field("Name");
        return name.isPresent() && !name.get().createable() && type.field("FirstName").isPresent()
                && type.field("LastName").isPresent();
    }

    /** The column writing this field, or -1. */
    int columnOf(String fieldName) {
        for (ColumnPlan c : columns) {
            if (c.field().name().equalsIgnoreCase(fieldName)) {
                return c.index();
            }
        }
        return -1;
    }
}
