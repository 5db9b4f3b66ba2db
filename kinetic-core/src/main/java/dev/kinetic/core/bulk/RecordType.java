package dev.kinetic.core.bulk;

import dev.kinetic.core.internal.bind.ClassBinder;
import java.util.Objects;

/**
 * A Java record or bean type bound to Salesforce rows, for typed queries
 * ({@link BulkClient#query(String, RecordType, QueryOptions)}) and typed ingest
 * ({@link BulkInput#ofObjects(Iterable, RecordType)}). Immutable and thread-safe; the reflection work is done once
 * per class and cached.
 *
 * <p><b>Types.</b> A Java {@code record} (read through its canonical constructor) or a bean (a no-argument
 * constructor and public setters; getters for ingest). Component types: {@code String}, {@code boolean},
 * {@code int}, {@code long}, {@code double} and their boxes, {@code BigDecimal}, {@code LocalDate}
 * ({@code yyyy-MM-dd}), {@code Instant}, {@code OffsetDateTime} and {@code ZonedDateTime} (dateTime, written in UTC
 * as {@code 2024-01-15T10:30:00.000Z}; read with or without milliseconds, with {@code Z}, {@code +00:00} or
 * {@code +0000}), {@code LocalTime} ({@code 10:30:00.000Z}), enums (picklist text: the constant's name or its
 * {@link SalesforceField}), and nested records or beans for relationships. The type must be public (in a package
 * exported, or opened, to {@code dev.kinetic.core} on the module path); on the class path a non-public type works
 * too.
 *
 * <p><b>Names.</b> A component matches a column whose name equals its Java name ignoring case, or the name given by
 * {@link SalesforceField}. A nested record component matches the relationship: the column {@code Account.Name}
 * fills component {@code name} of component {@code account}.
 *
 * <p><b>Reading</b> (queries): an empty value is {@code null}; for a primitive it is a {@link RecordMappingException}
 * (use the box, e.g. {@code Integer}, for a field that can be empty). A nested record whose columns are all empty is
 * {@code null}. A column the type has no component for is ignored, or refused with {@link #refuseUnknownColumns()}.
 * A component no column carries is {@code null} (0 or false for a primitive), or refused with
 * {@link #requireAllFields()}.
 *
 * <p><b>Writing</b> (ingest): every component the type declares is a column, except those marked
 * {@link SalesforceField#readOnly()}; {@code insert} leaves out {@code Id}, {@code delete} and {@code hardDelete}
 * send {@code Id} only. A {@code null} value is sent as {@code #N/A}, which sets the field to null on update and
 * upsert, or as an empty value, which leaves the field unchanged, with {@link #leaveNullFieldsUnchanged()}; a null
 * {@code Id} is always sent empty. A nested record is sent as relationship columns, one per component of the nested
 * type ({@code Account.External_Key__c} from component {@code externalKey} annotated
 * {@code @SalesforceField("External_Key__c")}), the way Salesforce sets a lookup by external id; a null nested
 * record leaves the lookup unchanged. Mark a nested record that only reads parent fields (e.g. {@code Account.Name})
 * read-only.
 *
 * @param <T> the Java type
 */
public final class RecordType<T> {
    private final Class<T> javaType;
    private final boolean refuseUnknownColumns;
    private final boolean requireAllFields;
    private final boolean leaveNullFieldsUnchanged;

    private RecordType(Class<T> javaType, boolean refuseUnknownColumns, boolean requireAllFields,
                       boolean leaveNullFieldsUnchanged) {
        this.javaType = javaType;
        this.refuseUnknownColumns = refuseUnknownColumns;
        this.requireAllFields = requireAllFields;
        this.leaveNullFieldsUnchanged = leaveNullFieldsUnchanged;
    }

    /**
     * Binds a record or bean class with the defaults: unknown columns ignored, missing fields null, nulls sent as
     * {@code #N/A}.
     *
     * @param javaType the class
     * @param <T> the type
     * @return the binding
     * @throws IllegalArgumentException if the class is not a record or bean, a component has a type that is not
     *     supported, or the class cannot be reached by reflection, naming the class, the component and the way out
     */
    public static <T> RecordType<T> of(Class<T> javaType) {
        Objects.requireNonNull(javaType, "javaType == null");
        ClassBinder.check(javaType);
        return new RecordType<>(javaType, false, false, false);
    }

    /**
     * The same binding, refusing query columns the type has no component for.
     *
     * @return a new binding
     */
    public RecordType<T> refuseUnknownColumns() {
        return new RecordType<>(javaType, true, requireAllFields, leaveNullFieldsUnchanged);
    }

    /**
     * The same binding, refusing a query result that has no column for one of the type's components.
     *
     * @return a new binding
     */
    public RecordType<T> requireAllFields() {
        return new RecordType<>(javaType, refuseUnknownColumns, true, leaveNullFieldsUnchanged);
    }

    /**
     * The same binding, sending {@code null} values as empty on ingest, which leaves those fields unchanged,
     * instead of {@code #N/A}, which sets them to null.
     *
     * @return a new binding
     */
    public RecordType<T> leaveNullFieldsUnchanged() {
        return new RecordType<>(javaType, refuseUnknownColumns, requireAllFields, true);
    }

    /** {@return the Java class} */
    public Class<T> javaType() {
        return javaType;
    }

    /** {@return whether query columns the type has no component for are refused (default: ignored)} */
    public boolean refusesUnknownColumns() {
        return refuseUnknownColumns;
    }

    /** {@return whether every component must have a query column (default: a missing one is null)} */
    public boolean requiresAllFields() {
        return requireAllFields;
    }

    /**
     * {@return whether ingest sends null values empty, leaving the fields unchanged (default: {@code #N/A}, set
     * null)}
     */
    public boolean leavesNullFieldsUnchanged() {
        return leaveNullFieldsUnchanged;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordType<?> t && t.javaType == javaType && t.refuseUnknownColumns == refuseUnknownColumns
                && t.requireAllFields == requireAllFields && t.leaveNullFieldsUnchanged == leaveNullFieldsUnchanged;
    }

    @Override
    public int hashCode() {
        return Objects.hash(javaType, refuseUnknownColumns, requireAllFields, leaveNullFieldsUnchanged);
    }

    @Override
    public String toString() {
        return "RecordType[" + javaType.getName() + (refuseUnknownColumns ? ", refuseUnknownColumns" : "")
                + (requireAllFields ? ", requireAllFields" : "")
                + (leaveNullFieldsUnchanged ? ", leaveNullFieldsUnchanged" : "") + "]";
    }
}
