package dev.kinetic.emulator.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinetic.emulator.schema.ChildRelationship;
import dev.kinetic.emulator.schema.ChildRelationships;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Objects as the REST describe calls render them: the describeGlobal entry (also the {@code objectDescribe} of
 * {@code GET /sobjects/{object}}) and the full {@code /describe}. Keys are alphabetical as Salesforce sends them;
 * object flags and labels come from the describe JSON the object was loaded from, with defaults for objects that
 * had none; name, label, keyPrefix, custom, fields and child relationships always come from the org's schema.
 * Thread-safe.
 */
final class SObjectDescriber {
    private static final List<String> GLOBAL_FLAGS = List.of("activateable", "createable", "customSetting",
            "deepCloneable", "deletable", "deprecatedAndHidden", "feedEnabled", "hasSubtypes", "isInterface",
            "isSubtype", "layoutable", "mergeable", "mruEnabled", "queryable", "replicateable", "retrieveable",
            "searchable", "triggerable", "undeletable", "updateable");

    private final ChildRelationships children;

    SObjectDescriber(ChildRelationships children) {
        this.children = children;
    }

    /** The describeGlobal entry of an object. */
    Map<String, Object> globalEntry(SObjectType type, String versionPath) {
        ObjectNode source = type.describeSource().objectProperties();
        Map<String, Object> out = new TreeMap<>();
        for (String flag : GLOBAL_FLAGS) {
            out.put(flag, source.path(flag).asBoolean(defaultFlag(type, flag)));
        }
        out.put("associateEntityType", null);
        out.put("associateParentEntity", null);
        out.put("custom", type.custom());
        out.put("keyPrefix", type.keyPrefix());
        out.put("label", type.label());
        out.put("labelPlural", source.path("labelPlural").asText(type.label() + "s"));
        out.put("name", type.name());
        out.put("urls", urls(type, versionPath));
        return out;
    }

    /** The full describe of an object. */
    Map<String, Object> describe(SObjectType type, String versionPath) {
        ObjectNode source = type.describeSource().objectProperties();
        Map<String, Object> out = new TreeMap<>();
        out.put("actionOverrides", List.of());
        out.put("compactLayoutable", true);
        out.put("dataTranslationEnabled", false);
        out.put("defaultImplementation", null);
        out.put("extendedBy", null);
        out.put("extendsInterfaces", null);
        out.put("implementedBy", null);
        out.put("implementsInterfaces", null);
        out.put("listviewable", null);
        out.put("lookupLayoutable", null);
        out.put("namedLayoutInfos", List.of());
        out.put("networkScopeFieldName", null);
        out.put("searchLayoutable", true);
        out.put("sobjectDescribeOptions", Map.of());
        out.put("supportedScopes", List.of());
        source.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        out.putAll(globalEntry(type, versionPath));
        out.put("recordTypeInfos", recordTypes(source.get("recordTypeInfos"), type, versionPath));
        out.put("childRelationships", childRelationships(type));
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldDef f : type.fields()) {
            fields.add(FieldDescriber.describe(f, type.describeSource().field(f.name())));
        }
        out.put("fields", fields);
        return out;
    }

    private List<Map<String, Object>> childRelationships(SObjectType type) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChildRelationship r : children.of(type)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cascadeDelete", r.cascadeDelete());
            m.put("childSObject", r.childSObject());
            m.put("deprecatedAndHidden", false);
            m.put("field", r.field());
            m.put("junctionIdListNames", List.of());
            m.put("junctionReferenceTo", List.of());
            m.put("relationshipName", r.relationshipName());
            m.put("restrictedDelete", r.restrictedDelete());
            out.add(m);
        }
        return out;
    }

    private static Object recordTypes(JsonNode loaded, SObjectType type, String versionPath) {
        if (loaded != null && loaded.isArray() && !loaded.isEmpty()) {
            return loaded;
        }
        Map<String, Object> master = new LinkedHashMap<>();
        master.put("active", true);
        master.put("available", true);
        master.put("defaultRecordTypeMapping", true);
        master.put("developerName", "Master");
        master.put("master", true);
        master.put("name", "Master");
        master.put("recordTypeId", "012000000000000AAA");
        master.put("urls", Map.of("layout", versionPath + "/sobjects/" + type.name()
                + "/describe/layouts/012000000000000AAA"));
        return List.of(master);
    }

    private static Map<String, String> urls(SObjectType type, String versionPath) {
        String sobject = versionPath + "/sobjects/" + type.name();
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("rowTemplate", sobject + "/{ID}");
        urls.put("describe", sobject + "/describe");
        urls.put("sobject", sobject);
        return urls;
    }

    // Objects loaded without object flags: what a custom object says; standard ones are all loaded with flags.
    private static boolean defaultFlag(SObjectType type, String flag) {
        return switch (flag) {
            case "createable", "deletable", "layoutable", "queryable", "replicateable", "retrieveable", "searchable",
                 "triggerable", "undeletable", "updateable", "mruEnabled", "deepCloneable" -> true;
            case "mergeable", "feedEnabled" -> !type.custom();
            default -> false;
        };
    }
}
