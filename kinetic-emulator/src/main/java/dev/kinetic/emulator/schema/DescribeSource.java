package dev.kinetic.emulator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The describe JSON an object was loaded from, kept so that {@code GET …/describe} can answer with the keys the org
 * does not model (labelPlural, soapType, inlineHelpText, childRelationships…). What the org enforces is rendered
 * from {@link SObjectType} and {@link FieldDef}, never from here. Immutable and thread-safe: accessors return copies.
 */
public final class DescribeSource {
    /** No describe JSON: everything is rendered from the model. */
    public static final DescribeSource EMPTY = new DescribeSource(JsonNodeFactory.instance.objectNode(), Map.of());

    private final ObjectNode object;
    private final Map<String, ObjectNode> fields;

    private DescribeSource(ObjectNode object, Map<String, ObjectNode> fields) {
        this.object = object;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** The source of one describe object node: its keys except {@code fields}, and each field by name. */
    static DescribeSource of(JsonNode describe) {
        ObjectNode object = describe.deepCopy();
        object.remove("fields");
        Map<String, ObjectNode> fields = new LinkedHashMap<>();
        for (JsonNode f : describe.path("fields")) {
            if (f.isObject() && f.hasNonNull("name")) {
                fields.put(SObjectType.lower(f.get("name").asText()), (ObjectNode) f.deepCopy());
            }
        }
        return new DescribeSource(object, fields);
    }

    /** The object's own describe keys (without {@code fields}), as loaded; empty when none. */
    public ObjectNode objectProperties() {
        return object.deepCopy();
    }

    /** The describe node a field was loaded from, if any. */
    public Optional<ObjectNode> field(String fieldName) {
        ObjectNode f = fields.get(SObjectType.lower(fieldName));
        return f == null ? Optional.empty() : Optional.of(f.deepCopy());
    }

    /** This source with another's fields added (replacing same-named ones) and its object keys filling gaps. */
    DescribeSource merge(DescribeSource other) {
        ObjectNode mergedObject = object.deepCopy();
        other.object.fields().forEachRemaining(e -> {
            if (!mergedObject.has(e.getKey())) {
                mergedObject.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        Map<String, ObjectNode> mergedFields = new LinkedHashMap<>(fields);
        mergedFields.putAll(other.fields);
        return new DescribeSource(mergedObject, mergedFields);
    }
}
