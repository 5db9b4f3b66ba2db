package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.MultiPicklistValues;
import dev.kinetic.emulator.ids.SalesforceIds;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns the cells of a job's direct columns into stored values, with Salesforce's per-row checks: value type, text
 * length, e-mail syntax, restricted picklists, the shape and object of ids, and the date and number rules of
 * {@link WriteValues}. Immutable and thread-safe.
 */
final class CellConverter {
    /** The text that sets a field to null. */
    static final String NULL_TEXT = "#N/A";

    private final Schema schema;
    private final JobPlan plan;
    private final IdTarget[] targets;

    /**
     * What an id column may point at: key prefixes of the objects it references that the schema knows, whether
     * it also references objects the schema does not know (then foreign prefixes pass unchecked), and the
     * object label used in MALFORMED_ID.
     */
    record IdTarget(Set<String> prefixes, Set<String> forbidden, boolean open, String label) {
        boolean accepts(String prefix) {
            return prefixes.contains(prefix) || (open && !forbidden.contains(prefix));
        }
    }

    CellConverter(Schema schema, JobPlan plan) {
        this.schema = schema;
        this.plan = plan;
        this.targets = new IdTarget[plan.width()];
        for (ColumnPlan c : plan.columns()) {
            if (c.field().type() == FieldType.ID) {
                targets[c.index()] = new IdTarget(Set.of(plan.type().keyPrefix()), Set.of(), false,
                        plan.type().label());
            } else if (c.field().type() == FieldType.REFERENCE) {
                targets[c.index()] = referenceTarget(c.field());
            }
        }
    }

    /** The target of a reference field's ids. */
    IdTarget target(int column) {
        return targets[column];
    }

    /**
     * The stored value of a cell of a direct column: {@link Row#UNSET} for an empty cell, null for {@code #N/A}.
     *
     * @throws RowFailure when the row must fail because of this cell
     */
    Object convert(ColumnPlan column, String cell) throws RowFailure {
        if (cell.isEmpty()) {
            return Row.UNSET;
        }
        FieldDef f = column.field();
        if (cell.equals(NULL_TEXT)) {
            // A checkbox cannot be null in Salesforce: clearing it unchecks it.
            return f.type() == FieldType.BOOLEAN ? Boolean.FALSE : null;
        }
        FieldType type = f.type();
        if (type == FieldType.ID || type == FieldType.REFERENCE) {
            return id(targets[column.index()], cell, f.name());
        }
        if (type.isText()) {
            if (f.length() > 0 && cell.length() > f.length()) {
                throw new RowFailure(RowErrors.tooLong(f, cell));
            }
            if (type == FieldType.EMAIL && !isEmail(cell)) {
                throw new RowFailure(RowErrors.badEmail(f, cell));
            }
            if (type == FieldType.MULTIPICKLIST) {
                return multiPicklist(f, cell);
            }
            if (f.restrictedPicklist() && !f.allowsPicklistValue(cell)) {
                throw new RowFailure(RowErrors.badPicklist(f, cell));
            }
            return cell;
        }
        return WriteValues.convert(f, cell, column.index());
    }

    /** The canonical 18-character id of a cell, checked against the objects the column may point at. */
    static String id(IdTarget target, String cell, String fieldName) throws RowFailure {
        String id = SalesforceIds.normalize(cell.trim());
        if (id == null) {
            throw new RowFailure(RowErrors.malformedId(target.label(), cell, fieldName));
        }
        String prefix = SalesforceIds.keyPrefix(id);
        if (!target.accepts(prefix)) {
            throw new RowFailure(RowErrors.malformedId(target.label(), cell, fieldName));
        }
        return id;
    }

    private IdTarget referenceTarget(FieldDef f) {
        Set<String> prefixes = new HashSet<>();
        boolean open = f.referenceTo().isEmpty();
        String label = f.referenceTo().isEmpty() ? f.label() : f.referenceTo().get(0);
        for (int i = 0; i < f.referenceTo().size(); i++) {
            SObjectType t = schema.find(f.referenceTo().get(i)).orElse(null);
            if (t == null) {
                open = true;
            } else {
                prefixes.add(t.keyPrefix());
                if (i == 0) {
                    label = t.label();
                }
            }
        }
        if (open) {
            // Foreign prefixes pass, but an id of another object the schema knows is still the wrong type.
            Set<String> known = new HashSet<>();
            schema.types().forEach(t -> known.add(t.keyPrefix()));
            known.removeAll(prefixes);
            return new IdTarget(Set.copyOf(prefixes), Set.copyOf(known), true, label);
        }
        return new IdTarget(Set.copyOf(prefixes), Set.of(), false, label);
    }

    // Stored as Salesforce returns it (see MultiPicklistValues); a restricted field refuses the first unknown item.
    private static Object multiPicklist(FieldDef f, String cell) throws RowFailure {
        if (f.restrictedPicklist()) {
            for (String item : MultiPicklistValues.items(cell)) {
                if (!f.allowsPicklistValue(item)) {
                    throw new RowFailure(RowErrors.badPicklist(f, item));
                }
            }
        }
        String stored = MultiPicklistValues.normalize(f, cell);
        return stored.isEmpty() ? null : stored;
    }

    /** A plain check of {@code local@domain.tld}: one {@code @}, no spaces, a dot inside the domain. */
    static boolean isEmail(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            return false;
        }
        int dot = s.indexOf('.', at + 2);
        if (dot < 0 || dot == s.length() - 1 || s.charAt(s.length() - 1) == '.') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')') {
                return false;
            }
        }
        return true;
    }
}
