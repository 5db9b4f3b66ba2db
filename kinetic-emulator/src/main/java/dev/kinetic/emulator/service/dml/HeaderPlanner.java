package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a job's header against the schema and turns it into a {@link JobPlan}, failing the whole job the way
 * Salesforce does. The texts of the job failures (Salesforce's own where one was observed, ours otherwise):
 * <ul>
 *   <li>unknown object: {@code InvalidJob : Unable to find object: X}</li>
 *   <li>unknown column (first one only): {@code InvalidBatch : Field name not found : X}; a grandparent path such as
 *       {@code Account.Owner.Email}, a relationship that does not exist and a parent field that does not exist are
 *       all reported this way</li>
 *   <li>a parent field that is neither an external id nor idLookup:
 *       {@code InvalidBatch : Field Name on Account is not an External Id or idLookup field: Account.Name}
 *       ({@code User.Email} is accepted, as the Bulk API guide's own {@code Owner.Email} sample is)</li>
 *   <li>{@code Type:Rel.Field} on a non-polymorphic field:
 *       {@code InvalidBatch : type is not needed for non polymorphic foreign key references: Rel} (observed)</li>
 *   <li>{@code Rel.Field} on a polymorphic field without the type:
 *       {@code InvalidBatch : Missing type for polymorphic foreign key reference: Owner}</li>
 *   <li>the same field twice: {@code InvalidBatch : Duplicate field name found : X}</li>
 *   <li>upsert key not usable: {@code InvalidJob : Invalid field for upsert, must be an External Id custom or
 *       standard indexed field: X} (the REST API's text); upsert key missing from the header:
 *       {@code InvalidBatch : External ID field X is missing from the header}</li>
 * </ul>
 * Update, delete and hardDelete without an {@code Id} column do not fail the job: each row fails with
 * {@code MISSING_ARGUMENT}, as a row with an empty {@code Id} does. Stateless.
 */
final class HeaderPlanner {
    private HeaderPlanner() {
    }

    static JobPlan plan(Schema schema, DmlRequest request) throws DmlJobFailure {
        SObjectType type = schema.find(request.objectName())
                .orElseThrow(() -> new DmlJobFailure("InvalidJob : Unable to find object: " + request.objectName()));
        List<ColumnPlan> columns = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < request.header().size(); i++) {
            String header = request.header().get(i);
            ColumnPlan column = column(schema, type, i, header == null ? "" : header);
            if (!written.add(column.field().name().toLowerCase(Locale.ROOT))) {
                throw new DmlJobFailure("InvalidBatch : Duplicate field name found : " + header);
            }
            columns.add(column);
        }
        int idColumn = -1;
        for (ColumnPlan c : columns) {
            if (!c.isLookup() && c.field().type() == FieldType.ID) {
                idColumn = c.index();
            }
        }
        int keyColumn = -1;
        FieldDef keyField = null;
        if (request.operation() == DmlOperation.UPSERT) {
            String name = request.externalIdFieldName() == null ? "" : request.externalIdFieldName();
            keyField = type.field(name).filter(f -> f.canIdentifyRecords() && f.stored())
                    .orElseThrow(() -> new DmlJobFailure("InvalidJob : Invalid field for upsert, must be an External"
                            + " Id custom or standard indexed field: " + name));
            for (ColumnPlan c : columns) {
                if (!c.isLookup() && c.field().name().equals(keyField.name())) {
                    keyColumn = c.index();
                }
            }
            if (keyColumn < 0) {
                throw new DmlJobFailure("InvalidBatch : External ID field " + keyField.name()
                        + " is missing from the header");
            }
        }
        return new JobPlan(type, request.operation(), request.userId(), columns, idColumn, keyColumn, keyField);
    }

    private static ColumnPlan column(Schema schema, SObjectType type, int index, String header)
            throws DmlJobFailure {
        int dot = header.indexOf('.');
        if (dot < 0) {
            FieldDef field = type.field(header).filter(FieldDef::stored).orElseThrow(() -> notFound(header));
            return new ColumnPlan(index, header, field, null, null);
        }
        String path = header.substring(0, dot);
        String parentFieldName = header.substring(dot + 1);
        if (parentFieldName.indexOf('.') >= 0) {
            throw notFound(header);
        }
        int colon = path.indexOf(':');
        String typeName = colon < 0 ? null : path.substring(0, colon);
        String relationship = colon < 0 ? path : path.substring(colon + 1);
        FieldDef reference = type.relationship(relationship).orElseThrow(() -> notFound(header));
        boolean polymorphic = reference.referenceTo().size() > 1;
        String parentName;
        if (typeName != null) {
            if (!polymorphic) {
                throw new DmlJobFailure("InvalidBatch : type is not needed for non polymorphic foreign key references: "
                        + relationship);
            }
            parentName = reference.referenceTo().stream().filter(t -> t.equalsIgnoreCase(typeName)).findFirst()
                    .orElseThrow(() -> notFound(header));
        } else if (polymorphic) {
            throw new DmlJobFailure("InvalidBatch : Missing type for polymorphic foreign key reference: "
                    + relationship);
        } else {
            parentName = reference.referenceTo().isEmpty() ? "" : reference.referenceTo().get(0);
        }
        SObjectType parent = schema.find(parentName).orElseThrow(() -> notFound(header));
        FieldDef parentField = parent.field(parentFieldName).filter(FieldDef::stored)
                .orElseThrow(() -> notFound(header));
        if (!identifies(parent, parentField)) {
            throw new DmlJobFailure("InvalidBatch : Field " + parentField.name() + " on " + parent.name()
                    + " is not an External Id or idLookup field: " + header);
        }
        return new ColumnPlan(index, header, reference, parent, parentField);
    }

    private static boolean identifies(SObjectType parent, FieldDef field) {
        Optional<String> allowance = parent.name().equals("User") ? Optional.of("Email") : Optional.empty();
        return field.canIdentifyRecords() || allowance.filter(field.name()::equals).isPresent();
    }

    private static DmlJobFailure notFound(String header) {
        return new DmlJobFailure("InvalidBatch : Field name not found : " + header);
    }
}
