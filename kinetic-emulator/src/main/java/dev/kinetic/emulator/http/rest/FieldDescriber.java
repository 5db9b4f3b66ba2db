package dev.kinetic.emulator.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.PicklistValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One field as {@code GET …/describe} renders it, keys in Salesforce's alphabetical order. Three layers: values
 * derived from the type (soapType, filterable, sortable, groupable…), then the keys of the describe JSON the field
 * was loaded from, then everything the org enforces (type, length, precision, scale, the flags, references,
 * picklist values, default) from the {@link FieldDef}, so the describe always says what the org does. Stateless.
 */
final class FieldDescriber {
    private FieldDescriber() {
    }

    static Map<String, Object> describe(FieldDef f, Optional<? extends JsonNode> source) {
        Map<String, Object> out = new TreeMap<>();
        derived(f, out);
        source.ifPresent(s -> s.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue())));
        enforced(f, source, out);
        return out;
    }

    private static void derived(FieldDef f, Map<String, Object> out) {
        FieldType t = f.type();
        boolean longText = t == FieldType.TEXTAREA && f.length() > 255;
        boolean compound = t.isCompound();
        boolean sortable = !longText && !compound && t != FieldType.MULTIPICKLIST && t != FieldType.BASE64;
        out.put("aggregatable", sortable);
        out.put("aiPredictionField", false);
        out.put("byteLength", t.isText() ? f.length() * 3 : t == FieldType.ID || t == FieldType.REFERENCE ? 18 : 0);
        out.put("calculatedFormula", null);
        out.put("cascadeDelete", false);
        out.put("controllerName", null);
        out.put("defaultValueFormula", null);
        out.put("dependentPicklist", false);
        out.put("deprecatedAndHidden", false);
        out.put("digits", t == FieldType.INT ? 9 : 0);
        out.put("displayLocationInDecimal", false);
        out.put("encrypted", t == FieldType.ENCRYPTEDSTRING);
        out.put("extraTypeInfo", null);
        out.put("filterable", !longText && t != FieldType.BASE64 && t != FieldType.LOCATION);
        out.put("filteredLookupInfo", null);
        out.put("formulaTreatNullNumberAsZero", false);
        out.put("groupable", sortable && !t.isNumeric() || t == FieldType.INT);
        out.put("highScaleNumber", false);
        out.put("htmlFormatted", false);
        out.put("inlineHelpText", null);
        out.put("mask", null);
        out.put("maskType", null);
        out.put("namePointing", f.referenceTo().size() > 1);
        out.put("permissionable", f.nillable() && !f.calculated() && f.custom());
        out.put("polymorphicForeignKey", f.referenceTo().size() > 1);
        out.put("queryByDistance", false);
        out.put("referenceTargetField", null);
        out.put("relationshipOrder", null);
        out.put("restrictedDelete", false);
        out.put("searchPrefilterable", false);
        out.put("soapType", soapType(t));
        out.put("sortable", sortable);
        out.put("writeRequiresMasterRead", false);
        if (t == FieldType.DATETIME || t == FieldType.DATE) {
            out.put("groupable", t == FieldType.DATE);
        }
    }

    private static void enforced(FieldDef f, Optional<? extends JsonNode> source, Map<String, Object> out) {
        out.put("autoNumber", f.autoNumber());
        out.put("calculated", f.calculated());
        out.put("caseSensitive", f.caseSensitive());
        out.put("compoundFieldName", f.compoundFieldName());
        out.put("createable", f.createable());
        out.put("custom", f.custom());
        out.put("defaultValue", defaultValue(f, source));
        out.put("defaultedOnCreate", f.defaultedOnCreate());
        out.put("externalId", f.externalId());
        out.put("idLookup", f.idLookup());
        out.put("label", f.label());
        out.put("length", f.length());
        out.put("name", f.name());
        out.put("nameField", f.nameField());
        out.put("nillable", f.nillable());
        out.put("picklistValues", picklistValues(f));
        out.put("precision", f.precision());
        out.put("referenceTo", f.referenceTo());
        out.put("relationshipName", f.relationshipName());
        out.put("restrictedPicklist", f.restrictedPicklist());
        out.put("scale", f.scale());
        out.put("type", type(f, source));
        out.put("unique", f.unique());
        out.put("updateable", f.updateable());
    }

    private static Object defaultValue(FieldDef f, Optional<? extends JsonNode> source) {
        if (f.type() == FieldType.BOOLEAN) {
            return Boolean.parseBoolean(f.defaultValue());
        }
        if (f.defaultValue() == null) {
            return null;
        }
        JsonNode loaded = source.map(s -> s.get("defaultValue")).orElse(null);
        return loaded != null && f.defaultValue().equals(loaded.asText()) ? loaded : f.defaultValue();
    }

    private static String type(FieldDef f, Optional<? extends JsonNode> source) {
        if (f.type() == FieldType.OTHER) {
            return source.map(s -> s.path("type").asText("anyType")).orElse("anyType");
        }
        return f.type().name().toLowerCase(Locale.ROOT);
    }

    private static List<Map<String, Object>> picklistValues(FieldDef f) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PicklistValue v : f.picklistValues()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("active", v.active());
            m.put("defaultValue", v.defaultValue());
            m.put("label", v.label() == null ? v.value() : v.label());
            m.put("validFor", null);
            m.put("value", v.value());
            out.add(m);
        }
        return out;
    }

    static String soapType(FieldType t) {
        return switch (t) {
            case ID, REFERENCE -> "tns:ID";
            case BOOLEAN -> "xsd:boolean";
            case CURRENCY, DOUBLE, PERCENT -> "xsd:double";
            case INT -> "xsd:int";
            case LONG -> "xsd:long";
            case DATE -> "xsd:date";
            case DATETIME -> "xsd:dateTime";
            case TIME -> "xsd:time";
            case BASE64 -> "xsd:base64Binary";
            case ADDRESS -> "urn:address";
            case LOCATION -> "urn:location";
            case OTHER -> "xsd:anyType";
            default -> "xsd:string";
        };
    }
}
