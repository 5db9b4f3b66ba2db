package dev.kinetic.emulator.http.rest;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import dev.kinetic.emulator.soql.ChildQuery;
import dev.kinetic.emulator.soql.RecordLayout;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a query row (the texts a {@code RowSink} receives) into a REST query record: {@code attributes} with the
 * type and the record's URL, then the selected fields in order under the names the schema spells, parents nested as
 * objects with their own {@code attributes} ({@code null} when the record has no such parent), checkboxes as JSON
 * booleans, numbers as JSON numbers, dateTimes as {@code 2026-03-01T10:00:00.000+0000}, empty values as null.
 * Aggregate results are {@code {"attributes":{"type":"AggregateResult"}, key: value…}}. Immutable and thread-safe.
 */
final class QueryRecords {
    private final Schema schema;
    private final String objectName;
    private final RecordLayout layout;
    private final String versionPath;
    private final ChildRunner children;

    /** Runs a child subquery's SOQL for one parent and answers its records. */
    @FunctionalInterface
    interface ChildRunner {
        List<Map<String, Object>> records(String soql);
    }

    /**
     * @param versionPath {@code /services/data/vXX.X}
     * @param children runs the layout's subqueries for each record
     */
    QueryRecords(Schema schema, String objectName, RecordLayout layout, String versionPath, ChildRunner children) {
        this.children = children;
        this.schema = schema;
        this.objectName = objectName;
        this.layout = layout;
        this.versionPath = versionPath;
    }

    /** The record of one row. */
    Map<String, Object> record(String[] row) {
        if (layout.kind() == RecordLayout.Kind.AGGREGATE) {
            return aggregate(row);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", attributes(objectName, row[layout.idColumn()]));
        for (int c = 0; c < layout.paths().size(); c++) {
            putChildren(record, c, row);
            String[] parts = layout.paths().get(c).split("\\.");
            Map<String, Object> target = record;
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length - 1 && target != null; i++) {
                prefix.append(i == 0 ? "" : ".").append(parts[i]);
                target = parent(target, parts[i], prefix.toString(), row);
            }
            if (target != null) {
                target.put(parts[parts.length - 1], value(layout.fields().get(c), row[c]));
            }
        }
        putChildren(record, layout.paths().size(), row);
        return record;
    }

    // The subqueries placed before selected column `position`: {totalSize, done, records}, or null with no children.
    private void putChildren(Map<String, Object> record, int position, String[] row) {
        for (ChildQuery child : layout.children()) {
            if (child.position() == position) {
                List<Map<String, Object>> records = children.records(child.soqlFor(row[layout.idColumn()]));
                if (records.isEmpty()) {
                    record.put(child.relationshipName(), null);
                } else {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("totalSize", records.size());
                    result.put("done", true);
                    result.put("records", records);
                    record.put(child.relationshipName(), result);
                }
            }
        }
    }

    // An aggregate result: no Id, no url; the keys are the aliases, expr0… and grouped field names.
    private Map<String, Object> aggregate(String[] row) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", Map.of("type", "AggregateResult"));
        for (int c = 0; c < layout.paths().size(); c++) {
            record.put(layout.paths().get(c), value(layout.fields().get(c), row[c]));
        }
        return record;
    }

    // The nested parent object under `name`, made on first use; null when the record has no such parent.
    @SuppressWarnings("unchecked")
    private Map<String, Object> parent(Map<String, Object> owner, String name, String path, String[] row) {
        if (owner.containsKey(name)) {
            return (Map<String, Object>) owner.get(name);
        }
        int i = indexOfParent(path);
        String id = i < 0 ? "" : row[layout.parentIdColumn(i)];
        if (id == null || id.isEmpty()) {
            owner.put(name, null);
            return null;
        }
        String type = layout.parentTypes().get(i);
        if (type == null) {
            type = schema.byKeyPrefix(id.substring(0, Math.min(3, id.length()))).map(SObjectType::name)
                    .orElse("Name");
        }
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("attributes", attributes(type, id));
        owner.put(name, parent);
        return parent;
    }

    private int indexOfParent(String path) {
        List<String> paths = layout.parentPaths();
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).equalsIgnoreCase(path)) {
                return i;
            }
        }
        return -1;
    }

    private Map<String, String> attributes(String type, String id) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("type", type);
        attributes.put("url", versionPath + "/sobjects/" + type + "/" + id);
        return attributes;
    }

    /** A query text as the JSON value Salesforce sends for the field's type. */
    static Object value(FieldDef field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        FieldType t = field.type();
        if (t == FieldType.BOOLEAN) {
            return Boolean.parseBoolean(text);
        }
        if (t == FieldType.INT || t == FieldType.LONG) {
            return Long.parseLong(text);
        }
        if (t.isNumeric()) {
            return new BigDecimal(text);
        }
        if (t == FieldType.DATETIME && text.endsWith("Z")) {
            return text.substring(0, text.length() - 1) + "+0000";
        }
        return text;
    }
}
