package dev.kinetic.emulator.schema;

/**
 * A parent-to-child relationship as a parent's describe lists it in {@code childRelationships}: the child object,
 * its reference field, and the name a subquery uses ({@code Contacts}), which may be null when the org does not
 * know one. Immutable.
 *
 * @param childSObject the child object's name
 * @param field the child's reference field pointing at the parent
 * @param relationshipName the name for subqueries, or null
 * @param cascadeDelete whether deleting the parent deletes the children
 * @param restrictedDelete whether children block deleting the parent
 */
public record ChildRelationship(String childSObject, String field, String relationshipName, boolean cascadeDelete,
                                boolean restrictedDelete) {
}
