package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;

/**
 * How one CSV column is written: straight into {@code field}, or, for a relationship column such as
 * {@code Account.External_Key__c}, by looking up the parent whose {@code parentField} has the cell's value and writing
 * its id into the reference {@code field}. Immutable.
 *
 * @param index the column's position in the header
 * @param header the header cell as uploaded
 * @param field the field written (the reference field for a relationship column)
 * @param parent the parent object of a relationship column, or null
 * @param parentField the parent's identifying field of a relationship column, or null
 */
record ColumnPlan(int index, String header, FieldDef field, SObjectType parent, FieldDef parentField) {
    /** Whether this is a relationship column resolved by a lookup on the parent. */
    boolean isLookup() {
        return parentField != null;
    }
}
