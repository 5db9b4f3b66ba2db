package dev.kinetic.core.bulk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the Salesforce field of a record component or bean property explicitly, or marks it as read-only, for
 * typed records ({@link RecordType}). Without it, the Java name is matched to the field name case-insensitively
 * ({@code numberOfEmployees} is {@code NumberOfEmployees}).
 *
 * <p>Put it on a record component, or on a bean's field, setter or getter. On an enum constant it gives the
 * picklist text of that constant ({@code @SalesforceField("Closed Won") CLOSED_WON}).
 *
 * <pre>{@code
 * public record Account(String id, String name,
 *                       @SalesforceField("External_Key__c") String externalKey,
 *                       @SalesforceField(value = "CreatedDate", readOnly = true) Instant created) { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface SalesforceField {
    /**
     * The Salesforce field name, e.g. {@code Custom_Field__c}, a relationship name for a nested record, e.g.
     * {@code Account} or {@code Parent__r}, or a dotted relationship column for a plain value, e.g.
     * {@code Owner.Name}. Empty (the default) keeps the Java name.
     *
     * @return the field name
     */
    String value() default "";

    /**
     * Whether the field is only read by queries and never sent by ingest calls (formula and system fields such as
     * {@code CreatedDate}, or a nested record that only shows a parent's fields).
     *
     * @return true for a read-only field
     */
    boolean readOnly() default false;
}
