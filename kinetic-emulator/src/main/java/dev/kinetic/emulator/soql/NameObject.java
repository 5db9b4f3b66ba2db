package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Name object: what a polymorphic relationship ({@code Case.Owner}, to a User or a Group; {@code Task.Who}, to
 * a Contact or a Lead) offers in a SOQL path. Its fields are those of the Salesforce Field Reference's "Name" page
 * (Alias, Email, FirstName, Id, IsActive, LastName, LastReferencedDate, LastViewedDate, Name, NameOrAlias, Phone,
 * ProfileId, RecordTypeId, Title, Type, UserRoleId, Username); any other field is refused as Salesforce refuses it,
 * "No such column … on entity 'Name'". A field's value comes from whichever target record the id points to
 * ({@code Type} is that record's object name); a field the target object does not have is null. Immutable.
 */
final class NameObject {
    /** A target object of the relationship that the schema has, joined under an SQL alias. */
    record Target(String alias, SObjectType type) {
    }

    /** The Name object's name in error messages. */
    static final String NAME = "Name";

    private static final Map<String, FieldDef> FIELDS = fields();

    private NameObject() {
    }

    /**
     * Resolves a field of the Name object.
     *
     * @param reference the SQL column holding the polymorphic id
     * @param targets the relationship's target objects the schema has, each joined
     * @return the field and its SQL expression, or empty when the Name object has no such field
     */
    static Optional<JoinPlan.Resolved> resolve(String fieldName, String reference, List<Target> targets,
            String path) {
        FieldDef f = FIELDS.get(fieldName.toLowerCase(Locale.ROOT));
        if (f == null) {
            return Optional.empty();
        }
        return Optional.of(new JoinPlan.Resolved(f, column(f.name(), reference, targets), path + f.name()));
    }

    private static String column(String field, String reference, List<Target> targets) {
        if (field.equals("Id")) {
            return reference;
        }
        if (field.equals("Type")) {
            if (targets.isEmpty()) {
                return "CAST(NULL AS VARCHAR)";
            }
            StringBuilder sql = new StringBuilder("CASE SUBSTRING(").append(reference).append(", 1, 3)");
            for (Target t : targets) {
                sql.append(" WHEN '").append(t.type().keyPrefix()).append("' THEN '").append(t.type().name())
                        .append('\'');
            }
            return sql.append(" END").toString();
        }
        String stored = field.equals("NameOrAlias") ? "Name" : field;
        List<String> columns = new ArrayList<>();
        for (Target t : targets) {
            t.type().field(stored).filter(FieldDef::stored)
                    .ifPresent(f -> columns.add(t.alias() + '.' + SqlNames.column(f)));
        }
        if (columns.isEmpty()) {
            return "CAST(NULL AS VARCHAR)";
        }
        return columns.size() == 1 ? columns.get(0) : "COALESCE(" + String.join(", ", columns) + ")";
    }

    private static Map<String, FieldDef> fields() {
        List<FieldDef> list = List.of(
                field("Alias", FieldType.STRING, 8), field("Email", FieldType.EMAIL, 80),
                field("FirstName", FieldType.STRING, 40), field("Id", FieldType.ID, 18),
                field("IsActive", FieldType.BOOLEAN, 0), field("LastName", FieldType.STRING, 80),
                field("LastReferencedDate", FieldType.DATETIME, 0), field("LastViewedDate", FieldType.DATETIME, 0),
                field("Name", FieldType.STRING, 255), field("NameOrAlias", FieldType.STRING, 80),
                field("Phone", FieldType.PHONE, 40), field("ProfileId", FieldType.REFERENCE, 18),
                field("RecordTypeId", FieldType.REFERENCE, 18), field("Title", FieldType.STRING, 80),
                field("Type", FieldType.PICKLIST, 40), field("UserRoleId", FieldType.REFERENCE, 18),
                field("Username", FieldType.STRING, 80));
        return list.stream().collect(Collectors.toUnmodifiableMap(f -> f.name().toLowerCase(Locale.ROOT),
                f -> f));
    }

    private static FieldDef field(String name, FieldType type, int length) {
        return new FieldDef(name, name, type, length, 0, 0, true, false, false, false, false, false, false, false,
                name.equals("Name"), false, false, false, List.of(), null, null, false, List.of(), null);
    }
}
