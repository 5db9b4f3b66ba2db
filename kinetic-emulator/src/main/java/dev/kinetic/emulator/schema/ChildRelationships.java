package dev.kinetic.emulator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The child relationships of an object in the org: those its describe lists whose child object and field exist in
 * the org, then one for every other reference field of the org that points at it (with no name, since a
 * describe of the child does not say what the parent calls it). Thread-safe: works on the immutable schema.
 */
public final class ChildRelationships {
    private final Schema schema;

    /** @param schema the org's schema */
    public ChildRelationships(Schema schema) {
        this.schema = schema;
    }

    /** The child relationships of {@code parent}, describe order first. */
    public List<ChildRelationship> of(SObjectType parent) {
        List<ChildRelationship> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode r : parent.describeSource().objectProperties().path("childRelationships")) {
            String child = r.path("childSObject").asText("");
            String field = r.path("field").asText("");
            Optional<SObjectType> childType = schema.find(child);
            Optional<FieldDef> fieldDef = childType.flatMap(t -> t.field(field));
            if (fieldDef.isPresent() && fieldDef.get().referenceTo().stream()
                    .anyMatch(p -> p.equalsIgnoreCase(parent.name())) && seen.add(key(child, field))) {
                JsonNode name = r.get("relationshipName");
                out.add(new ChildRelationship(childType.get().name(), fieldDef.get().name(),
                        name == null || name.isNull() ? null : name.asText(), r.path("cascadeDelete").asBoolean(false),
                        r.path("restrictedDelete").asBoolean(false)));
            }
        }
        for (SObjectType child : schema.types()) {
            for (FieldDef f : child.fields()) {
                boolean pointsHere = f.referenceTo().stream().anyMatch(p -> p.equalsIgnoreCase(parent.name()));
                if (pointsHere && seen.add(key(child.name(), f.name()))) {
                    out.add(new ChildRelationship(child.name(), f.name(), null, false, false));
                }
            }
        }
        return out;
    }

    /** The named child relationship of {@code parent} ({@code Contacts} on Account), case-insensitively. */
    public Optional<ChildRelationship> named(SObjectType parent, String relationshipName) {
        return of(parent).stream()
                .filter(r -> r.relationshipName() != null && r.relationshipName().equalsIgnoreCase(relationshipName))
                .findFirst();
    }

    private static String key(String child, String field) {
        return (child + "." + field).toLowerCase(Locale.ROOT);
    }
}
