package dev.kinetic.core.internal.bind;

import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.RecordMappingException;
import dev.kinetic.core.bulk.RecordType;
import java.util.List;

/**
 * Turns query rows into objects of a {@link RecordType}. The columns are matched to properties once per column list
 * (a result shares one list among its rows); each row is then only parsed and constructed. Not thread-safe: it
 * counts rows for error messages.
 *
 * @param <T> the type
 */
public final class RecordReader<T> {
    private final RecordType<T> type;
    private List<String> columns;
    private ColumnPlan plan;
    private long row;
    private int plans;

    /** Creates a reader for one result. */
    public RecordReader(RecordType<T> type) {
        this.type = type;
    }

    /**
     * Converts the next row of the result.
     *
     * @throws RecordMappingException naming the column, the value, the row and the Java type
     */
    public T read(BulkRecord record) {
        row++;
        // each row wraps the result's one header list, so equal lists (same strings) are the common case
        if (record.columns() != columns && !record.columns().equals(columns)) {
            plan = ColumnPlan.of(type, record.columns());
            columns = record.columns();
            plans++;
        }
        return type.javaType().cast(build(plan.root(), record.values(), true));
    }

    /** How many column lists this reader has matched to properties (one per distinct header). */
    int plans() {
        return plans;
    }

    private Object build(ColumnPlan.Node node, List<String> values, boolean root) {
        if (!root && !node.hasValue(values)) {
            return null;
        }
        List<Property> props = node.binder().properties();
        Object[] args = new Object[props.size()];
        for (int i = 0; i < args.length; i++) {
            Property p = props.get(i);
            int col = node.column(i);
            if (col >= 0) {
                args[i] = parse(p, node, values.get(col), col);
            } else if (node.child(i) != null) {
                args[i] = build(node.child(i), values, false);
            } else {
                args[i] = ValueParser.defaultOf(p.type());
            }
        }
        try {
            return node.binder().create(args);
        } catch (RuntimeException | Error e) {
            throw new RecordMappingException("Cannot create " + node.binder().type().getName() + " from result row "
                    + row + ": its constructor threw " + e);
        } catch (Throwable t) {
            throw new RecordMappingException("Cannot create " + node.binder().type().getName() + " from result row "
                    + row + ": " + t);
        }
    }

    private Object parse(Property p, ColumnPlan.Node node, String text, int col) {
        if (text == null || text.isEmpty()) {
            if (p.type().isPrimitive()) {
                throw error(p, node, col, "", "it is empty (null in Salesforce); use " + boxName(p.type())
                        + " for a field that can be empty");
            }
            return null;
        }
        try {
            return p.parser().parse(text);
        } catch (IllegalArgumentException e) {
            throw error(p, node, col, text, e.getMessage());
        }
    }

    private RecordMappingException error(Property p, ColumnPlan.Node node, int col, String text, String why) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return new RecordMappingException("Cannot read column '" + columns(col) + "' value '" + shown
                + "' at result row " + row + " (the first record is row 1) as " + p.type().getSimpleName()
                + " for component '" + p.javaName() + "' of " + node.binder().type().getName() + ": " + why);
    }

    private String columns(int col) {
        return columns == null || col >= columns.size() ? "#" + col : columns.get(col);
    }

    private static String boxName(Class<?> primitive) {
        return primitive == boolean.class ? "Boolean" : primitive == int.class ? "Integer"
                : primitive == long.class ? "Long" : "Double";
    }
}
