package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.schema.FieldDef;
import java.util.List;

/**
 * Builds {@code sf__Error} texts exactly as Salesforce writes them: {@code CODE:message:fields --}, or
 * {@code CODE:message:--} when no field is named. Stateless.
 */
final class RowErrors {
    private RowErrors() {
    }

    static String of(String code, String message, String fields) {
        if (fields == null || fields.isEmpty()) {
            return code + ':' + message + ":--";
        }
        return code + ':' + message + ':' + fields + " --";
    }

    static String requiredMissing(List<String> fieldNames) {
        String names = String.join(", ", fieldNames);
        return of("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + names + "]",
                String.join(",", fieldNames));
    }

    static String tooLong(FieldDef f, String value) {
        return of("STRING_TOO_LONG", f.label() + ": data value too large: " + value + " (max length=" + f.length()
                + ")", f.name());
    }

    static String wrongType(FieldDef f, String value) {
        return of("INVALID_TYPE_ON_FIELD_IN_RECORD", f.label() + ": value not of required type: " + value, f.name());
    }

    /** A value the Bulk CSV reader cannot read as the field's XML schema type (column index from 0). */
    static String notDeserialized(FieldDef f, String value, int column, String xsdType) {
        return of("INVALID_FIELD", "Failed to deserialize field at col " + column + ". Due to, '" + value
                + "' is not a valid value for the type xsd:" + xsdType, f.name());
    }

    /** A number with more digits before the decimal point than the field's precision minus its scale allows. */
    static String outOfRange(FieldDef f, double value) {
        return of("NUMBER_OUTSIDE_VALID_RANGE", f.label() + ": value outside of valid range on numeric field: "
                + value, f.name());
    }

    static String badEmail(FieldDef f, String value) {
        return of("INVALID_EMAIL_ADDRESS", f.label() + ": invalid email address: " + value, f.name());
    }

    static String badPicklist(FieldDef f, String value) {
        return of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", f.label() + ": bad value for restricted picklist field: "
                + value, f.name());
    }

    static String malformedId(String objectLabel, String value, String field) {
        return of("MALFORMED_ID", objectLabel + " ID: id value of incorrect type: " + value, field);
    }

    static String crossReference() {
        return of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", null);
    }

    static String entityDeleted() {
        return of("ENTITY_IS_DELETED", "entity is deleted", null);
    }

    static String duplicateValue(FieldDef f, String existingId) {
        return of("DUPLICATE_VALUE", "duplicate value found: " + f.name() + " duplicates value on record with id: "
                + existingId, null);
    }

    static String duplicateExternalId(FieldDef f, List<String> ids) {
        return of("DUPLICATE_EXTERNAL_ID", f.label() + ": more than one record found for external id field: "
                + ids, f.name());
    }

    static String externalIdRepeatedInBatch(FieldDef f, String value) {
        return of("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + value, f.name());
    }

    static String foreignKeyNotFound(String value, FieldDef parentField, String parentObject) {
        return of("INVALID_FIELD", "Foreign key external ID: " + value + " not found for field " + parentField.name()
                + " in entity " + parentObject, null);
    }

    static String notWritable(List<String> fieldNames) {
        return of("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + String.join(", ", fieldNames)
                + ". Please check the security settings of this field and verify that it is read/write for your"
                + " profile or permission set.", String.join(",", fieldNames));
    }

    static String idOnInsert() {
        return of("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", "Id");
    }

    static String missingId(DmlOperation op) {
        String call = op == DmlOperation.UPDATE ? "an update" : "a delete";
        return of("MISSING_ARGUMENT", "Id not specified in " + call + " call", null);
    }
}
