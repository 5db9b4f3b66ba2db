package dev.kinetic.core.internal.bind;

import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.RecordType;
import dev.kinetic.core.internal.csv.CsvValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns objects of a {@link RecordType} into ingest rows (column to CSV text) for one operation. The columns are
 * worked out once: every writable component, {@code Id} left out of insert, only {@code Id} for deletes, nested
 * records as {@code Relationship.Field} columns. Thread-safe.
 *
 * @param <T> the type
 */
public final class RecordWriter<T> {
    private final RecordType<T> type;
    private final List<Column> columns = new ArrayList<>();

    /** One output column: the property, reached through the nested property {@code via} if not null. */
    private record Column(String name, Property via, Property property) {
    }

    /**
     * Works out the columns of a type for an operation.
     *
     * @throws IllegalArgumentException if a delete's type has no {@code Id} component, or nothing is writable
     */
    public RecordWriter(RecordType<T> type, BulkOperation op) {
        this.type = type;
        ClassBinder binder = ClassBinder.of(type.javaType());
        boolean idOnly = op == BulkOperation.DELETE || op == BulkOperation.HARD_DELETE;
        for (Property p : binder.properties()) {
            if (p.readOnly() || p.getter() == null || (op == BulkOperation.INSERT && p.isId())
                    || (idOnly && !p.isId())) {
                continue;
            }
            if (!p.nested()) {
                columns.add(new Column(p.sfName(), null, p));
                continue;
            }
            for (Property q : ClassBinder.of(p.type()).properties()) {
                if (!q.nested() && !q.readOnly() && q.getter() != null) {
                    columns.add(new Column(p.sfName() + "." + q.sfName(), p, q));
                }
            }
        }
        if (idOnly && columns.isEmpty()) {
            throw new IllegalArgumentException(op.wireName() + " sends record ids, but " + type.javaType().getName()
                    + " has no Id component; add one (e.g. String id) or use BulkInput.ofIds(ids)");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(type.javaType().getName() + " has nothing to send: every component "
                    + "is read-only or has no getter");
        }
    }

    /**
     * The row of one object: column to CSV text, {@code null} for "set to null" ({@code #N/A}).
     *
     * @param object the object
     * @param index its 0-based index in the input, for messages
     * @throws IllegalArgumentException if the object is of another class or a value cannot be sent
     */
    public Map<String, Object> toRow(Object object, long index) {
        if (object == null) {
            throw new NullPointerException("The object at index " + index + " is null");
        }
        if (!type.javaType().isInstance(object)) {
            throw new IllegalArgumentException("The object at index " + index + " is a " + object.getClass().getName()
                    + ", not a " + type.javaType().getName() + "; give objects of one type");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column c : columns) {
            Object owner = c.via() == null ? object : c.via().get(object);
            Object value = owner == null ? null : c.property().get(owner);
            row.put(c.name(), text(c, owner, value, index));
        }
        return row;
    }

    private String text(Column c, Object owner, Object value, long index) {
        if (value == null) {
            boolean unchanged = owner == null || c.property().isId() || type.leavesNullFieldsUnchanged();
            return unchanged ? "" : null;
        }
        if (value instanceof Enum<?> e) {
            return Picklist.of(e.getDeclaringClass()).text(e);
        }
        try {
            return CsvValues.format(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot send column '" + c.name() + "' value '" + value
                    + "' of the object at index " + index + " (" + c.property().type().getSimpleName()
                    + " component '" + c.property().javaName() + "' of " + type.javaType().getName() + "): "
                    + e.getMessage(), e);
        }
    }
}
