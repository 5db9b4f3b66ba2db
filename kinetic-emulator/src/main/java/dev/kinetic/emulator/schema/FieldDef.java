package dev.kinetic.emulator.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of an sObject, with the describe properties the local org enforces. Immutable.
 *
 * @param name API name, e.g. {@code External_Key__c}
 * @param label the label used in error messages
 * @param type the field type
 * @param length maximum length of text values (0 when not text)
 * @param precision total digits of numbers (0 when unknown)
 * @param scale digits after the decimal point
 * @param nillable whether the field may be null
 * @param createable whether insert may set it
 * @param updateable whether update may set it
 * @param defaultedOnCreate whether the org fills it when an insert leaves it out
 * @param unique whether values must be unique (case-insensitively unless {@code caseSensitive})
 * @param caseSensitive whether uniqueness compares case
 * @param externalId whether it is an external id (usable for upsert and relationship columns)
 * @param idLookup whether it can identify a record (relationship columns, upsert)
 * @param nameField whether it is the object's name field
 * @param calculated whether it is a formula
 * @param autoNumber whether the org numbers it
 * @param custom whether it is a custom field
 * @param referenceTo the objects a reference field points to (empty otherwise)
 * @param relationshipName the relationship name of a reference field ({@code Account}, {@code Parent__r}), or null
 * @param compoundFieldName the compound field this one is a component of, or null
 * @param restrictedPicklist whether only the listed picklist values are allowed
 * @param picklistValues the picklist values (empty when not a picklist)
 * @param defaultValue the describe's {@code defaultValue} as text ({@code "true"} for a checkbox checked by default),
 *     or null
 */
public record FieldDef(
        String name,
        String label,
        FieldType type,
        int length,
        int precision,
        int scale,
        boolean nillable,
        boolean createable,
        boolean updateable,
        boolean defaultedOnCreate,
        boolean unique,
        boolean caseSensitive,
        boolean externalId,
        boolean idLookup,
        boolean nameField,
        boolean calculated,
        boolean autoNumber,
        boolean custom,
        List<String> referenceTo,
        String relationshipName,
        String compoundFieldName,
        boolean restrictedPicklist,
        List<PicklistValue> picklistValues,
        String defaultValue) {

    /** Validates and copies the lists. */
    public FieldDef {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        label = label == null ? name : label;
        referenceTo = List.copyOf(referenceTo == null ? List.of() : referenceTo);
        picklistValues = List.copyOf(picklistValues == null ? List.of() : picklistValues);
    }

    /** Whether an insert must supply a value: not nillable, createable and not defaulted by the org. */
    public boolean requiredOnCreate() {
        return !nillable && createable && !defaultedOnCreate && type != FieldType.BOOLEAN;
    }

    /** Whether this field has a column in the database (compound fields do not). */
    public boolean stored() {
        return !type.isCompound();
    }

    /** Whether a relationship column ({@code Rel.Field}) or upsert may identify records by this field. */
    public boolean canIdentifyRecords() {
        return externalId || idLookup;
    }

    /** The relationship name, when this is a reference field that has one. */
    public Optional<String> relationship() {
        return Optional.ofNullable(relationshipName);
    }

    /** Whether a value is one of the active picklist values (case-sensitive, as Salesforce compares them). */
    public boolean allowsPicklistValue(String value) {
        for (PicklistValue v : picklistValues) {
            if (v.active() && v.value().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
