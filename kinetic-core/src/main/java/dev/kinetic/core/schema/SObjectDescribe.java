package dev.kinetic.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An object's describe ({@code GET …/sobjects/{object}/describe}): its name, label and fields in the order the org
 * sent them. Immutable and thread-safe.
 */
public final class SObjectDescribe {
    private final String name;
    private final String label;
    private final List<SObjectField> fields;

    /**
     * @param name the object's API name
     * @param label the object's label
     * @param fields its fields
     */
    public SObjectDescribe(String name, String label, List<SObjectField> fields) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.label = Objects.requireNonNull(label, "label == null");
        this.fields = List.copyOf(fields);
    }

    /** @return the API name, e.g. {@code Account} */
    public String name() {
        return name;
    }

    /** @return the label, e.g. {@code Account} */
    public String label() {
        return label;
    }

    /** @return every field, in the order of the describe */
    public List<SObjectField> fields() {
        return fields;
    }

    /**
     * Finds a field by API name, ignoring case as Salesforce does.
     *
     * @param fieldName the field's API name
     * @return the field, or empty if the object has none of that name
     */
    public Optional<SObjectField> field(String fieldName) {
        Objects.requireNonNull(fieldName, "fieldName == null");
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).findFirst();
    }

    /**
     * Finds the reference field whose relationship name is {@code relationshipName} ({@code Owner} → {@code OwnerId}).
     *
     * @param relationshipName the relationship name
     * @return the reference field, or empty
     */
    public Optional<SObjectField> relationship(String relationshipName) {
        Objects.requireNonNull(relationshipName, "relationshipName == null");
        return fields.stream().filter(f -> f.relationshipName().map(relationshipName::equalsIgnoreCase).orElse(false))
                .findFirst();
    }

    @Override
    public String toString() {
        return "SObjectDescribe[" + name + ", " + fields.size() + " fields]";
    }
}
