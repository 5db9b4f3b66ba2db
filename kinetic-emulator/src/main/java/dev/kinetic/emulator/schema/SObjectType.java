package dev.kinetic.emulator.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One sObject of the local org's schema: its name, key prefix and fields in describe order. Field and relationship
 * names are looked up case-insensitively, as Salesforce matches CSV headers. Immutable and thread-safe.
 */
public final class SObjectType {
    private final String name;
    private final String label;
    private final String keyPrefix;
    private final boolean custom;
    private final List<FieldDef> fields;
    private final Map<String, FieldDef> byLowerName;
    private final Map<String, FieldDef> byLowerRelationship;
    private final DescribeSource source;

    /**
     * Creates an sObject type.
     *
     * @param name API name, e.g. {@code Account}
     * @param label label for messages
     * @param keyPrefix the three-character id prefix, e.g. {@code 001}; empty until the schema assigns one
     * @param custom whether it is a custom object
     * @param fields fields in describe order; names must be unique case-insensitively
     * @throws IllegalArgumentException if two fields share a name
     */
    public SObjectType(String name, String label, String keyPrefix, boolean custom, List<FieldDef> fields) {
        this(name, label, keyPrefix, custom, fields, DescribeSource.EMPTY);
    }

    /**
     * Creates an sObject type loaded from describe JSON.
     *
     * @param source the describe JSON it was loaded from, for the keys the org does not model
     * @throws IllegalArgumentException if two fields share a name
     */
    public SObjectType(String name, String label, String keyPrefix, boolean custom, List<FieldDef> fields,
                       DescribeSource source) {
        this.source = Objects.requireNonNull(source, "source == null");
        this.name = Objects.requireNonNull(name, "name == null");
        this.label = label == null ? name : label;
        this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
        this.custom = custom;
        this.fields = List.copyOf(fields);
        Map<String, FieldDef> names = new LinkedHashMap<>();
        Map<String, FieldDef> relationships = new LinkedHashMap<>();
        for (FieldDef f : this.fields) {
            if (names.put(lower(f.name()), f) != null) {
                throw new IllegalArgumentException("Field " + f.name() + " appears twice on " + name);
            }
            if (f.relationshipName() != null) {
                relationships.put(lower(f.relationshipName()), f);
            }
        }
        this.byLowerName = Collections.unmodifiableMap(names);
        this.byLowerRelationship = Collections.unmodifiableMap(relationships);
    }

    /** API name, e.g. {@code Account}. */
    public String name() {
        return name;
    }

    /** Label for messages. */
    public String label() {
        return label;
    }

    /** The three-character key prefix of this object's ids. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Whether this is a custom object ({@code __c}). */
    public boolean custom() {
        return custom;
    }

    /** The describe JSON this object was loaded from ({@link DescribeSource#EMPTY} when built in code). */
    public DescribeSource describeSource() {
        return source;
    }

    /** A copy with another key prefix. */
    SObjectType withKeyPrefix(String prefix) {
        return new SObjectType(name, label, prefix, custom, fields, source);
    }

    /** All fields in describe order. */
    public List<FieldDef> fields() {
        return fields;
    }

    /** The fields that have a database column, in describe order. */
    public List<FieldDef> storedFields() {
        List<FieldDef> stored = new ArrayList<>();
        for (FieldDef f : fields) {
            if (f.stored()) {
                stored.add(f);
            }
        }
        return stored;
    }

    /** The field with this name, compared case-insensitively. */
    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(byLowerName.get(lower(fieldName)));
    }

    /** The reference field whose relationship name is this ({@code Account}, {@code Parent__r}), case-insensitively. */
    public Optional<FieldDef> relationship(String relationshipName) {
        return Optional.ofNullable(byLowerRelationship.get(lower(relationshipName)));
    }

    /** The name field ({@code Name}, {@code CaseNumber}), if the object has one. */
    public Optional<FieldDef> nameField() {
        return fields.stream().filter(FieldDef::nameField).findFirst();
    }

    /** Returns a copy with these fields added, or replacing fields of the same name. */
    public SObjectType withFields(List<FieldDef> extra) {
        return withFields(extra, DescribeSource.EMPTY);
    }

    /** Returns a copy with another describe of the same object merged in: its fields and its describe JSON. */
    SObjectType mergedWith(SObjectType other) {
        return withFields(other.fields, other.source);
    }

    private SObjectType withFields(List<FieldDef> extra, DescribeSource extraSource) {
        Map<String, FieldDef> merged = new LinkedHashMap<>();
        for (FieldDef f : fields) {
            merged.put(lower(f.name()), f);
        }
        for (FieldDef f : extra) {
            merged.put(lower(f.name()), f);
        }
        return new SObjectType(name, label, keyPrefix, custom, new ArrayList<>(merged.values()),
                source.merge(extraSource));
    }

    @Override
    public String toString() {
        return "SObjectType[" + name + ", " + keyPrefix + ", " + fields.size() + " fields]";
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
