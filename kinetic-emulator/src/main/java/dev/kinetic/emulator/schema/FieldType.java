package dev.kinetic.emulator.schema;

import java.util.Locale;

/** The field types of Salesforce's sObject describe ({@code type}), as the local org stores and validates them. */
public enum FieldType {
    ID, BOOLEAN, STRING, TEXTAREA, PICKLIST, MULTIPICKLIST, COMBOBOX, REFERENCE, EMAIL, PHONE, URL,
    ENCRYPTEDSTRING, CURRENCY, DOUBLE, PERCENT, INT, LONG, DATE, DATETIME, TIME, BASE64,
    /** Compound address; not stored, not selectable in Bulk queries. */
    ADDRESS,
    /** Compound geolocation; not stored, not selectable in Bulk queries. */
    LOCATION,
    /** Any other describe type (anyType, complexvalue, json…): stored as text. */
    OTHER;

    /** The type named by a describe's {@code type} value; unknown names map to {@link #OTHER}. */
    public static FieldType fromDescribe(String name) {
        if (name == null) {
            return OTHER;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }

    /** Whether values are held as text (possibly with a length limit). */
    public boolean isText() {
        return switch (this) {
            case STRING, TEXTAREA, PICKLIST, MULTIPICKLIST, COMBOBOX, EMAIL, PHONE, URL, ENCRYPTEDSTRING, BASE64,
                 OTHER -> true;
            default -> false;
        };
    }

    /** Whether values are held as numbers. */
    public boolean isNumeric() {
        return switch (this) {
            case CURRENCY, DOUBLE, PERCENT, INT, LONG -> true;
            default -> false;
        };
    }

    /** Whether the field is a compound (address, geolocation) that has no column of its own. */
    public boolean isCompound() {
        return this == ADDRESS || this == LOCATION;
    }
}
