package dev.kinetic.emulator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads sObject describe JSON (one object, or an array of objects) into {@link SObjectType}s. */
final class DescribeLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DescribeLoader() {
    }

    static List<SObjectType> read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        List<SObjectType> types = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (JsonNode n : root) {
                types.add(type(n));
            }
        } else if (root != null && root.isObject()) {
            types.add(type(root));
        } else {
            throw new IllegalArgumentException("expected a describe object or an array of them");
        }
        return types;
    }

    private static SObjectType type(JsonNode n) {
        String name = text(n, "name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an object has no \"name\"");
        }
        JsonNode fieldsNode = n.path("fields");
        if (!fieldsNode.isArray()) {
            throw new IllegalArgumentException("object " + name + " has no \"fields\" array");
        }
        List<FieldDef> fields = new ArrayList<>();
        for (JsonNode f : fieldsNode) {
            fields.add(field(name, f));
        }
        boolean custom = n.path("custom").asBoolean(name.endsWith("__c"));
        return new SObjectType(name, text(n, "label"), text(n, "keyPrefix"), custom, fields, DescribeSource.of(n));
    }

    private static FieldDef field(String objectName, JsonNode f) {
        String name = text(f, "name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a field of " + objectName + " has no \"name\"");
        }
        List<String> referenceTo = new ArrayList<>();
        f.path("referenceTo").forEach(r -> referenceTo.add(r.asText()));
        List<PicklistValue> picklist = new ArrayList<>();
        for (JsonNode p : f.path("picklistValues")) {
            picklist.add(new PicklistValue(text(p, "value"), text(p, "label"), p.path("active").asBoolean(true),
                    p.path("defaultValue").asBoolean(false)));
        }
        return new FieldDef(
                name,
                text(f, "label"),
                FieldType.fromDescribe(text(f, "type")),
                f.path("length").asInt(0),
                f.path("precision").asInt(0),
                f.path("scale").asInt(0),
                f.path("nillable").asBoolean(true),
                f.path("createable").asBoolean(true),
                f.path("updateable").asBoolean(true),
                f.path("defaultedOnCreate").asBoolean(false),
                f.path("unique").asBoolean(false),
                f.path("caseSensitive").asBoolean(false),
                f.path("externalId").asBoolean(false),
                f.path("idLookup").asBoolean(false),
                f.path("nameField").asBoolean(false),
                f.path("calculated").asBoolean(false),
                f.path("autoNumber").asBoolean(false),
                f.path("custom").asBoolean(name.endsWith("__c")),
                referenceTo,
                text(f, "relationshipName"),
                text(f, "compoundFieldName"),
                f.path("restrictedPicklist").asBoolean(false),
                picklist,
                text(f, "defaultValue"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
