package dev.kinetic.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of an object's describe: its API name, Salesforce type ({@code id}, {@code string}, {@code double},
 * {@code reference}, …, as the describe spells it), sizes and flags. Immutable and thread-safe.
 */
public final class SObjectField {
    private final String name;
    private final String type;
    private final int length;
    private final int precision;
    private final int scale;
    private final boolean nillable;
    private final boolean createable;
    private final boolean updateable;
    private final boolean externalId;
    private final boolean idLookup;
    private final String relationshipName;
    private final List<String> referenceTo;

    private SObjectField(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name == null");
        this.type = Objects.requireNonNull(b.type, "type == null");
        this.length = b.length;
        this.precision = b.precision;
        this.scale = b.scale;
        this.nillable = b.nillable;
        this.createable = b.createable;
        this.updateable = b.updateable;
        this.externalId = b.externalId;
        this.idLookup = b.idLookup;
        this.relationshipName = b.relationshipName;
        this.referenceTo = List.copyOf(b.referenceTo);
    }

    /**
     * A builder for a field (for tests and for code that builds a schema without an org).
     *
     * @param name the field's API name
     * @param type the Salesforce type, as the describe spells it
     * @return a builder
     */
    public static Builder builder(String name, String type) {
        return new Builder(name, type);
    }

    /** @return the API name, e.g. {@code AnnualRevenue} */
    public String name() {
        return name;
    }

    /** @return the Salesforce type as the describe spells it, e.g. {@code currency}, {@code reference} */
    public String type() {
        return type;
    }

    /** @return the maximum length of a text field (0 for other types) */
    public int length() {
        return length;
    }

    /** @return the total number of digits of a number field (0 for other types) */
    public int precision() {
        return precision;
    }

    /** @return the digits after the decimal point of a number field (0 for other types) */
    public int scale() {
        return scale;
    }

    /** @return whether the field may hold null */
    public boolean nillable() {
        return nillable;
    }

    /** @return whether an insert may set it */
    public boolean createable() {
        return createable;
    }

    /** @return whether an update may set it */
    public boolean updateable() {
        return updateable;
    }

    /** @return whether it is an external id (usable by upsert) */
    public boolean externalId() {
        return externalId;
    }

    /** @return whether it identifies a record (Id, external ids, some unique fields) */
    public boolean idLookup() {
        return idLookup;
    }

    /** @return the relationship name of a reference field ({@code Owner} for {@code OwnerId}), if it is one */
    public Optional<String> relationshipName() {
        return Optional.ofNullable(relationshipName);
    }

    /** @return the objects a reference field points to; empty for other fields */
    public List<String> referenceTo() {
        return referenceTo;
    }

    @Override
    public String toString() {
        return "SObjectField[" + name + " " + type + "]";
    }

    /** Builds an {@link SObjectField}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final String type;
        private int length;
        private int precision;
        private int scale;
        private boolean nillable;
        private boolean createable;
        private boolean updateable;
        private boolean externalId;
        private boolean idLookup;
        private String relationshipName;
        private List<String> referenceTo = List.of();

        private Builder(String name, String type) {
            this.name = Objects.requireNonNull(name, "name == null");
            this.type = Objects.requireNonNull(type, "type == null");
        }

        /**
         * @param length maximum length of a text field
         * @return this builder
         */
        public Builder length(int length) {
            this.length = length;
            return this;
        }

        /**
         * @param precision total digits
         * @param scale digits after the point
         * @return this builder
         */
        public Builder digits(int precision, int scale) {
            this.precision = precision;
            this.scale = scale;
            return this;
        }

        /**
         * @param nillable whether it may hold null
         * @param createable whether an insert may set it
         * @param updateable whether an update may set it
         * @return this builder
         */
        public Builder flags(boolean nillable, boolean createable, boolean updateable) {
            this.nillable = nillable;
            this.createable = createable;
            this.updateable = updateable;
            return this;
        }

        /**
         * @param externalId whether it is an external id
         * @param idLookup whether it identifies a record
         * @return this builder
         */
        public Builder keys(boolean externalId, boolean idLookup) {
            this.externalId = externalId;
            this.idLookup = idLookup;
            return this;
        }

        /**
         * @param relationshipName the relationship name, or null
         * @param referenceTo the objects it points to
         * @return this builder
         */
        public Builder reference(String relationshipName, List<String> referenceTo) {
            this.relationshipName = relationshipName;
            this.referenceTo = Objects.requireNonNull(referenceTo, "referenceTo == null");
            return this;
        }

        /** @return the field */
        public SObjectField build() {
            return new SObjectField(this);
        }
    }
}
