package dev.kinetic.emulator.schema;

/** One value of a picklist field, as in the describe's {@code picklistValues}. Immutable. */
public record PicklistValue(String value, String label, boolean active, boolean defaultValue) {
}
