package dev.kinetic.core.internal.bind;

import dev.kinetic.core.bulk.RecordMappingException;
import dev.kinetic.core.bulk.RecordType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which column fills which property, for one column list: a tree of nodes (the type, then one node per nested
 * record that has columns). Checks unknown and missing columns as the {@link RecordType} asks.
 */
final class ColumnPlan {
    private final Node root;

    private ColumnPlan(Node root) {
        this.root = root;
    }

    Node root() {
        return root;
    }

    static ColumnPlan of(RecordType<?> type, List<String> columns) {
        Node root = new Node(ClassBinder.of(type.javaType()));
        List<String> unknown = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!root.assign(columns.get(c), c)) {
                unknown.add(columns.get(c));
            }
        }
        if (!unknown.isEmpty() && type.refusesUnknownColumns()) {
            throw new RecordMappingException("The query result has columns " + unknown + " that "
                    + type.javaType().getName() + " has no component for (its components match " + root.names()
                    + "); add components for them, leave them out of the SELECT, or bind with RecordType.of("
                    + type.javaType().getSimpleName() + ".class) without refuseUnknownColumns()");
        }
        if (type.requiresAllFields()) {
            List<String> missing = new ArrayList<>();
            root.missing("", missing);
            if (!missing.isEmpty()) {
                throw new RecordMappingException("The query result has no column for " + missing + " of "
                        + type.javaType().getName() + " (its columns are " + columns + "); add them to the SELECT, "
                        + "or bind without requireAllFields() to leave them null");
            }
        }
        return new ColumnPlan(root);
    }

    /** The columns of one (possibly nested) type. */
    static final class Node {
        private final ClassBinder binder;
        private final int[] columns;
        private final Node[] children;

        Node(ClassBinder binder) {
            this.binder = binder;
            this.columns = new int[binder.properties().size()];
            this.children = new Node[columns.length];
            Arrays.fill(columns, -1);
        }

        ClassBinder binder() {
            return binder;
        }

        int column(int property) {
            return columns[property];
        }

        Node child(int property) {
            return children[property];
        }

        /** Whether any column of this node or its children has a value in the row. */
        boolean hasValue(List<String> values) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] >= 0) {
                    String v = values.get(columns[i]);
                    if (v != null && !v.isEmpty()) {
                        return true;
                    }
                } else if (children[i] != null && children[i].hasValue(values)) {
                    return true;
                }
            }
            return false;
        }

        /** Assigns a column to the property it names (a dotted name through nested records); false if none. */
        boolean assign(String name, int column) {
            int i = binder.indexOf(name);
            if (i >= 0 && !binder.properties().get(i).nested() && columns[i] < 0) {
                columns[i] = column;
                return true;
            }
            int dot = name.indexOf('.');
            if (dot <= 0) {
                return false;
            }
            int rel = binder.indexOf(name.substring(0, dot));
            if (rel < 0 || !binder.properties().get(rel).nested()) {
                return false;
            }
            if (children[rel] == null) {
                children[rel] = new Node(ClassBinder.of(binder.properties().get(rel).type()));
            }
            return children[rel].assign(name.substring(dot + 1), column);
        }

        void missing(String prefix, List<String> out) {
            for (int i = 0; i < columns.length; i++) {
                Property p = binder.properties().get(i);
                if (children[i] != null) {
                    children[i].missing(prefix + p.sfName() + ".", out);
                } else if (columns[i] < 0) {
                    out.add(prefix + p.sfName() + " (component " + p.javaName() + ")");
                }
            }
        }

        List<String> names() {
            return binder.properties().stream().map(p -> p.nested() ? p.sfName() + ".*" : p.sfName()).toList();
        }
    }
}
