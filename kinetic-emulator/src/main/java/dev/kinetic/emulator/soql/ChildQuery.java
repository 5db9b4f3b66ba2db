package dev.kinetic.emulator.soql;

/**
 * A parent-to-child subquery of a REST query ({@code (SELECT LastName FROM Contacts)}), kept as the SOQL to run
 * for each parent record: the child object filtered on its reference to the parent, with the subquery's own WHERE,
 * ORDER BY and LIMIT. Immutable.
 *
 * @param relationshipName the relationship as the schema spells it ({@code Contacts}): the key in the record
 * @param position how many selected columns come before it in the SELECT list
 * @param childObject the child object
 * @param referenceField the child's field that points at the parent
 * @param fields the subquery's select list, as written
 * @param where the subquery's WHERE condition as written, or null
 * @param tail the subquery's ORDER BY and LIMIT as written, or empty
 */
public record ChildQuery(String relationshipName, int position, String childObject, String referenceField,
                         String fields, String where, String tail) {
    /** The SOQL that reads the children of one parent. */
    public String soqlFor(String parentId) {
        if (!parentId.matches("[0-9A-Za-z]{15,18}")) {
            throw new IllegalArgumentException("not a record id: " + parentId);
        }
        return "SELECT " + fields + " FROM " + childObject + " WHERE " + referenceField + " = '" + parentId + "'"
                + (where == null ? "" : " AND (" + where + ")") + (tail.isEmpty() ? "" : " " + tail);
    }
}
