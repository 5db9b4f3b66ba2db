package dev.kinetic.emulator.http.rest;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import dev.kinetic.emulator.soql.ChildQuery;
import dev.kinetic.emulator.soql.RecordLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The column metadata of a REST query, what {@code GET /query?q=…&columns=true} answers instead of records (the
 * Salesforce CLI's {@code sf data query} asks for it to lay out its table): {@code {columnMetadata, entityName,
 * groupBy, idSelected, keyPrefix}}, one column per selected field in SELECT order, a parent relationship as one
 * column whose {@code joinColumns} hold its fields (nested for deeper paths), a parent-to-child subquery as an
 * {@code aggregate} column whose {@code joinColumns} are the subquery's columns, and aggregate functions as
 * {@code aggregate} columns named by their result key ({@code expr0} or the alias). The query is not run. Immutable
 * and thread-safe.
 */
final class QueryColumns {
    private final Schema schema;
    private final Function<ChildQuery, RecordLayout> childLayouts;

    /**
     * @param schema the org's schema, to follow relationships
     * @param childLayouts the layout of a subquery's own SELECT list
     */
    QueryColumns(Schema schema, Function<ChildQuery, RecordLayout> childLayouts) {
        this.schema = schema;
        this.childLayouts = childLayouts;
    }

    /** The answer for a prepared query of {@code objectName}. */
    Map<String, Object> describe(String objectName, RecordLayout layout) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("columnMetadata", columns(objectName, layout));
        out.put("entityName", objectName);
        out.put("groupBy", layout.kind() != RecordLayout.Kind.RECORDS);
        out.put("idSelected", layout.kind() == RecordLayout.Kind.RECORDS
                && layout.paths().stream().anyMatch(p -> p.equalsIgnoreCase("Id")));
        out.put("keyPrefix", schema.find(objectName).map(SObjectType::keyPrefix).orElse(null));
        return out;
    }

    private List<Map<String, Object>> columns(String objectName, RecordLayout layout) {
        List<Map<String, Object>> columns = new ArrayList<>();
        if (layout.kind() == RecordLayout.Kind.COUNT) {
            return columns;
        }
        if (layout.kind() == RecordLayout.Kind.AGGREGATE) {
            for (int c = 0; c < layout.paths().size(); c++) {
                String key = layout.paths().get(c);
                FieldDef field = layout.fields().get(c);
                // A grouped field keeps its own name as its key; anything else is a function's result.
                boolean function = !key.equals(field.name()) || key.matches("expr\\d+");
                columns.add(function ? function(key, field) : field(key, key, field));
            }
            return columns;
        }
        for (int c = 0; c < layout.paths().size(); c++) {
            addChildren(columns, layout, c);
            String[] parts = layout.paths().get(c).split("\\.");
            List<Map<String, Object>> level = columns;
            Optional<SObjectType> owner = schema.find(objectName);
            for (int i = 0; i < parts.length - 1; i++) {
                String relationshipName = parts[i];
                Optional<FieldDef> reference = owner.flatMap(o -> o.relationship(relationshipName));
                level = joinColumns(relationship(level, parts[i], reference));
                owner = reference.filter(r -> r.referenceTo().size() == 1)
                        .flatMap(r -> schema.find(r.referenceTo().get(0)));
            }
            String name = parts[parts.length - 1];
            level.add(field(name, name, layout.fields().get(c)));
        }
        addChildren(columns, layout, layout.paths().size());
        return columns;
    }

    // The subqueries written before selected column `position`.
    private void addChildren(List<Map<String, Object>> columns, RecordLayout layout, int position) {
        for (ChildQuery child : layout.children()) {
            if (child.position() == position) {
                Map<String, Object> column = base(child.relationshipName(), child.relationshipName(), null);
                column.put("aggregate", true);
                column.put("joinColumns", columns(child.childObject(), childLayouts.apply(child)));
                columns.add(column);
            }
        }
    }

    // The column of a parent relationship at this level, made on first use so its fields gather under it.
    private static Map<String, Object> relationship(List<Map<String, Object>> level, String name,
            Optional<FieldDef> reference) {
        for (Map<String, Object> column : level) {
            if (column.get("columnName").equals(name) && !Boolean.TRUE.equals(column.get("aggregate"))
                    && !joinColumns(column).isEmpty()) {
                return column;
            }
        }
        Map<String, Object> column = base(name, name, null);
        column.put("foreignKeyName", reference.map(FieldDef::name).orElse(null));
        column.put("joinColumns", new ArrayList<Map<String, Object>>());
        level.add(column);
        return column;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> joinColumns(Map<String, Object> column) {
        return (List<Map<String, Object>>) column.get("joinColumns");
    }

    private static Map<String, Object> field(String columnName, String displayName, FieldDef field) {
        Map<String, Object> column = base(columnName, displayName, field);
        column.put("insertable", field.createable());
        column.put("updatable", field.updateable());
        return column;
    }

    // A function's display name is the function as written (COUNT(Id)); MIN and MAX keep the field, so their key.
    private static Map<String, Object> function(String key, FieldDef field) {
        Map<String, Object> column = base(key, field.name().contains("(") ? field.name() : key, null);
        column.put("aggregate", true);
        column.put("numberType", field.type().isNumeric());
        return column;
    }

    // Salesforce's key order: alphabetical.
    private static Map<String, Object> base(String columnName, String displayName, FieldDef field) {
        FieldType type = field == null ? null : field.type();
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("aggregate", false);
        column.put("apexType", type == null ? null : apexType(type));
        column.put("booleanType", type == FieldType.BOOLEAN);
        column.put("columnName", columnName);
        column.put("custom", field != null && field.custom());
        column.put("displayName", displayName);
        column.put("foreignKeyName", null);
        column.put("insertable", false);
        column.put("joinColumns", new ArrayList<Map<String, Object>>());
        column.put("numberType", type != null && type.isNumeric());
        column.put("textType", type != null && type.isText() && type != FieldType.BASE64);
        column.put("updatable", false);
        return column;
    }

    // The Apex type of a field type, as Salesforce names it in column metadata.
    private static String apexType(FieldType type) {
        return switch (type) {
            case ID, REFERENCE -> "Id";
            case BOOLEAN -> "Boolean";
            case INT -> "Integer";
            case LONG -> "Long";
            case CURRENCY, DOUBLE, PERCENT -> "Double";
            case DATE -> "Date";
            case DATETIME -> "Datetime";
            case TIME -> "Time";
            case BASE64 -> "Blob";
            case ADDRESS -> "Address";
            case LOCATION -> "Location";
            default -> type.isText() ? "String" : "Object";
        };
    }
}
