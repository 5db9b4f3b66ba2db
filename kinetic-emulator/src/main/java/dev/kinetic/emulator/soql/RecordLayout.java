package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.schema.FieldDef;
import java.util.List;

/**
 * How the columns of a query run for the REST API nest into records: the canonical path of each selected column
 * ({@code Name}, {@code Account.Owner.Email}), then, after the selected columns, one more column with the record's
 * own Id and one with the Id of each parent the paths pass through. Immutable.
 *
 * @param paths the selected columns' paths as the schema spells them
 * @param fields the field behind each selected column
 * @param parentPaths the relationship paths the selected columns pass through ({@code Account},
 *     {@code Account.Owner}), in order of first use; their Ids follow the record's Id
 * @param parentTypes the object of each parent path, or null for a polymorphic relationship (the Id's key prefix
 *     tells)
 * @param children the parent-to-child subqueries, in SELECT order
 * @param kind records, aggregate results (no Id columns; {@code paths} are the result keys, {@code expr0} or the
 *     alias), or a lone {@code COUNT()} (one column: the count)
 */
public record RecordLayout(List<String> paths, List<FieldDef> fields, List<String> parentPaths,
        List<String> parentTypes, Kind kind, List<ChildQuery> children) {
    /** What the rows of the query are. */
    public enum Kind {
        /** Records of the FROM object. */
        RECORDS,
        /** Aggregate results ({@code AggregateResult}). */
        AGGREGATE,
        /** One row with the number of records ({@code SELECT COUNT() FROM …}). */
        COUNT
    }

    /** Copies the lists (parentTypes may hold nulls). */
    public RecordLayout {
        paths = List.copyOf(paths);
        fields = List.copyOf(fields);
        children = List.copyOf(children);
        parentPaths = List.copyOf(parentPaths);
        parentTypes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parentTypes));
    }

    /** The column holding the record's own Id. */
    public int idColumn() {
        return paths.size();
    }

    /** The column holding the Id of the parent at {@code parentPaths.get(i)}. */
    public int parentIdColumn(int i) {
        return paths.size() + 1 + i;
    }
}
