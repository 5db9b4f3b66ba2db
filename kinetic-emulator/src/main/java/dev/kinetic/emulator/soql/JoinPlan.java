package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import io.github.apexdevtools.apexparser.ApexParser.FieldNameContext;
import io.github.apexdevtools.apexparser.ApexParser.SoqlIdContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves SOQL field paths ({@code Name}, {@code Account.Name}, {@code Account.Owner.Email}) against the schema and
 * collects the LEFT JOINs that child-to-parent paths need, one per distinct relationship path. The FROM object is
 * alias {@code t0} ({@code s0} in a semi-join's subquery). A reference with several targets (polymorphic, such as
 * {@code Owner} to Group or User) leads to the {@link NameObject}, joining every target the schema has. Paths may
 * start with the FROM object's alias. Not thread-safe: one per translation.
 */
final class JoinPlan {
    /**
     * A resolved path.
     *
     * @param field the field at the end of the path
     * @param column the SQL column expression, e.g. {@code t1."NAME"}
     * @param canonicalPath the path as the schema spells it, e.g. {@code Account.Name}
     */
    record Resolved(FieldDef field, String column, String canonicalPath) {
    }

    private final Schema schema;
    private final SObjectType root;
    private final String alias;
    private final String prefix;
    private final SoqlErrors errors;
    private final Map<String, String> aliasByPath = new HashMap<>();
    private final Map<String, Parent> parents = new HashMap<>();
    private final StringBuilder joins = new StringBuilder();

    /**
     * @param alias the FROM object's alias ({@code FROM Account a}), or null; paths may start with it ({@code a.Name})
     */
    JoinPlan(Schema schema, SObjectType root, String alias, SoqlErrors errors) {
        this(schema, root, alias, errors, "t");
    }

    /**
     * @param prefix the prefix of the SQL table aliases ({@code t0}, {@code t1}…), distinct for a subquery
     */
    JoinPlan(Schema schema, SObjectType root, String alias, SoqlErrors errors, String prefix) {
        this.schema = schema;
        this.root = root;
        this.alias = alias;
        this.errors = errors;
        this.prefix = prefix;
    }

    /**
     * A parent a path passes through.
     *
     * @param idColumn the SQL expression of the parent's Id (null when there is no parent)
     * @param type the parent object, or null for a polymorphic relationship
     */
    record Parent(String idColumn, SObjectType type) {
    }

    /** The parent at a relationship path resolved earlier ({@code Account.Owner}, compared case-insensitively). */
    Optional<Parent> parent(String relationshipPath) {
        return Optional.ofNullable(parents.get(relationshipPath.toLowerCase(Locale.ROOT)));
    }

    /** The schema paths resolve against. */
    Schema schema() {
        return schema;
    }

    /** The FROM object's SQL table alias. */
    String rootAlias() {
        return prefix + "0";
    }

    /** The FROM object. */
    SObjectType root() {
        return root;
    }

    /** The LEFT JOIN clauses collected so far, each starting with a space. */
    String joins() {
        return joins.toString();
    }

    /**
     * Resolves a field path, adding the joins it needs.
     *
     * @throws SoqlException {@code INVALID_FIELD} for an unknown relationship or field, with Salesforce's text
     */
    Resolved resolve(FieldNameContext name) throws SoqlException {
        List<SoqlIdContext> parts = name.soqlId();
        if (alias != null && parts.size() > 1 && parts.get(0).getText().equalsIgnoreCase(alias)) {
            parts = parts.subList(1, parts.size());
        }
        SObjectType type = root;
        String tableAlias = rootAlias();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.size() - 1; i++) {
            String relationship = parts.get(i).getText();
            Optional<FieldDef> reference = type.relationship(relationship);
            if (reference.isEmpty()) {
                throw errors.at(SoqlErrors.INVALID_FIELD, name, "Didn't understand relationship '" + relationship
                        + "' in field path. If you are attempting to use a custom relationship, be sure to append"
                        + " the '__r' after the custom relationship name. Please reference your WSDL or the describe"
                        + " call for the appropriate names.");
            }
            FieldDef ref = reference.get();
            path.append(ref.relationshipName()).append('.');
            if (ref.referenceTo().size() > 1) {
                return polymorphic(ref, tableAlias, path.toString(), parts, i + 1, name);
            }
            SObjectType target = target(ref, type, name);
            tableAlias = join(path.toString(), target, tableAlias, ref);
            parents.putIfAbsent(path.substring(0, path.length() - 1).toLowerCase(Locale.ROOT),
                    new Parent(tableAlias + '.' + SqlNames.column("Id"), target));
            type = target;
        }
        String fieldName = parts.get(parts.size() - 1).getText();
        Optional<FieldDef> field = type.field(fieldName);
        if (field.isEmpty()) {
            throw errors.noSuchColumn(name, fieldName, type.name());
        }
        FieldDef f = field.get();
        return new Resolved(f, tableAlias + '.' + SqlNames.column(f), path + f.name());
    }

    // A polymorphic relationship leads to the Name object, whose fields come from whichever target the id names.
    private Resolved polymorphic(FieldDef ref, String tableAlias, String path, List<SoqlIdContext> parts, int next,
            FieldNameContext name) throws SoqlException {
        if (next != parts.size() - 1) {
            throw errors.at(SoqlErrors.INVALID_FIELD, name, "Didn't understand relationship '"
                    + parts.get(next).getText() + "' in field path. The polymorphic relationship '"
                    + ref.relationshipName() + "' leads to the Name object, which has no relationships to follow.");
        }
        parents.putIfAbsent(path.substring(0, path.length() - 1).toLowerCase(Locale.ROOT),
                new Parent(tableAlias + '.' + SqlNames.column(ref), null));
        List<NameObject.Target> targets = new ArrayList<>();
        for (String candidate : ref.referenceTo()) {
            Optional<SObjectType> t = schema.find(candidate);
            if (t.isPresent()) {
                targets.add(new NameObject.Target(join(path + t.get().name(), t.get(), tableAlias, ref), t.get()));
            }
        }
        String fieldName = parts.get(next).getText();
        return NameObject.resolve(fieldName, tableAlias + '.' + SqlNames.column(ref), targets, path)
                .orElseThrow(() -> errors.noSuchColumn(name, fieldName, NameObject.NAME));
    }

    // The alias of a parent table, joined once per distinct path.
    private String join(String path, SObjectType target, String tableAlias, FieldDef ref) {
        String key = path.toLowerCase(Locale.ROOT);
        String parentAlias = aliasByPath.get(key);
        if (parentAlias == null) {
            parentAlias = prefix + (aliasByPath.size() + 1);
            aliasByPath.put(key, parentAlias);
            joins.append(" LEFT JOIN ").append(SqlNames.table(target)).append(' ').append(parentAlias)
                    .append(" ON ").append(parentAlias).append('.').append(SqlNames.column("Id"))
                    .append(" = ").append(tableAlias).append('.').append(SqlNames.column(ref));
        }
        return parentAlias;
    }

    private SObjectType target(FieldDef ref, SObjectType owner, FieldNameContext name) throws SoqlException {
        for (String candidate : ref.referenceTo()) {
            Optional<SObjectType> t = schema.find(candidate);
            if (t.isPresent()) {
                return t.get();
            }
        }
        throw errors.at(SoqlErrors.INVALID_FIELD, name, "Relationship '" + ref.relationshipName() + "' of "
                + owner.name() + " points to " + String.join(" or ", ref.referenceTo()) + ", which the local org's"
                + " schema does not have. Load that object's describe JSON into the local org to query it.");
    }
}
