package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import io.github.apexdevtools.apexparser.ApexParser.ConditionalExpressionContext;
import io.github.apexdevtools.apexparser.ApexParser.FieldExpressionContext;
import io.github.apexdevtools.apexparser.ApexParser.LogicalExpressionContext;
import io.github.apexdevtools.apexparser.ApexParser.SubFieldEntryContext;
import io.github.apexdevtools.apexparser.ApexParser.SubQueryContext;
import java.util.List;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Semi-joins ({@code WHERE Id IN (SELECT AccountId FROM Contact …)}) and anti-joins ({@code NOT IN}) as the SOQL and
 * SOSL Reference describes them (Comparison Operators, "Semi-Joins with IN and Anti-Joins with NOT IN"): the left
 * operand is an Id or reference field of the queried object without a relationship path; the subquery selects one Id
 * or reference field of another object that identifies the same object as the left operand, has no ORDER BY, LIMIT
 * or FOR clause and no semi-join of its own; a WHERE
 * clause has at most two of them, and only as conditions of its top-level AND (no OR, no NOT, no parentheses).
 * An anti-join also keeps records whose field is null. Stateless and thread-safe.
 */
final class SemiJoin {
    /** Salesforce's message for a semi-join next to OR. */
    static final String WITH_OR = "Semi join sub-selects are not allowed with the 'OR' operator";
    /** Salesforce's message for a semi-join inside parentheses or NOT. */
    static final String NESTED = "Semi join sub-selects are only allowed at the top level WHERE expressions and not"
            + " in nested WHERE expressions.";
    private static final int MAX_PER_QUERY = 2;

    private SemiJoin() {
    }

    /**
     * Refuses semi-joins and anti-joins where SOQL does not allow them.
     *
     * @param where the top-level WHERE expression of the query
     * @throws SoqlException {@code MALFORMED_QUERY} naming the rule broken
     */
    static void checkPlacement(LogicalExpressionContext where, SoqlErrors errors) throws SoqlException {
        boolean or = !where.SOQLOR().isEmpty();
        int count = 0;
        for (ConditionalExpressionContext c : where.conditionalExpression()) {
            SubQueryContext sub = c.fieldExpression() != null ? c.fieldExpression().value().subQuery() : null;
            if (sub == null) {
                SubQueryContext nested = firstSubQuery(c);
                if (nested != null) {
                    throw errors.at(SoqlErrors.MALFORMED_QUERY, nested, or ? WITH_OR : NESTED);
                }
                continue;
            }
            if (or) {
                throw errors.at(SoqlErrors.MALFORMED_QUERY, c, WITH_OR);
            }
            if (where.NOT() != null) {
                throw errors.at(SoqlErrors.MALFORMED_QUERY, c, NESTED + " Use NOT IN for an anti-join instead of"
                        + " NOT.");
            }
            if (sub.whereClause() != null) {
                SubQueryContext inner = firstSubQuery(sub.whereClause());
                if (inner != null) {
                    throw errors.at(SoqlErrors.MALFORMED_QUERY, inner, "Nesting of semi join sub-selects is not"
                            + " supported");
                }
            }
            if (++count > MAX_PER_QUERY) {
                throw errors.at(SoqlErrors.MALFORMED_QUERY, c, "A query can have at most " + MAX_PER_QUERY
                        + " semi join or anti join sub-selects.");
            }
        }
    }

    /**
     * The SQL condition of a semi-join or anti-join.
     *
     * @param left the resolved left operand
     * @param anti whether this is {@code NOT IN}
     * @param params where the subquery's parameters are appended, in SQL text order
     * @throws SoqlException when the left operand or the subquery breaks a rule, or the subquery is invalid
     */
    static String sql(FieldExpressionContext e, JoinPlan.Resolved left, boolean anti, JoinPlan outer,
            FilterLiterals literals, SoqlErrors errors, List<Object> params) throws SoqlException {
        if (!isKey(left.field()) || left.canonicalPath().indexOf('.') >= 0) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, e, "The left operand of a semi join or anti join must be"
                    + " an Id or reference field of " + outer.root().name() + ", without a relationship path: "
                    + e.fieldName().getText());
        }
        SubQueryContext sub = e.value().subQuery();
        if (sub.orderByClause() != null || sub.limitClause() != null || sub.UPDATE() != null
                || (sub.forClauses() != null && !sub.forClauses().FOR().isEmpty())) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, sub, "ORDER BY, LIMIT and FOR clauses are not supported in"
                    + " a semi join or anti join sub-select.");
        }
        SObjectType inner = SoqlTranslator.fromObject(sub.fromNameList(), outer.schema(), errors);
        if (inner.name().equalsIgnoreCase(outer.root().name())) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, sub.fromNameList(), "The inner and outer selects should"
                    + " not be on the same object type");
        }
        String alias = sub.fromNameList().soqlId().isEmpty() ? null : sub.fromNameList().soqlId(0).getText();
        JoinPlan joins = new JoinPlan(outer.schema(), inner, alias, errors, "s");
        List<SubFieldEntryContext> entries = sub.subFieldList().subFieldEntry();
        if (entries.size() != 1 || entries.get(0).fieldName() == null) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, sub.subFieldList(), "A semi join or anti join sub-select"
                    + " selects exactly one Id or reference field.");
        }
        JoinPlan.Resolved selected = joins.resolve(entries.get(0).fieldName());
        if (!isKey(selected.field()) || selected.canonicalPath().indexOf('.') >= 0) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, entries.get(0), "A semi join or anti join sub-select must"
                    + " select an Id or reference field of " + inner.name() + " without a relationship path, not "
                    + entries.get(0).getText());
        }
        if (!pointsToSameObject(left.field(), outer.root(), selected.field(), inner)) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, entries.get(0), "The sub-select's " + inner.name() + "."
                    + selected.field().name() + " and the left operand " + e.fieldName().getText()
                    + " do not identify the same object.");
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(selected.column()).append(" FROM ")
                .append(SqlNames.table(inner)).append(' ').append(joins.rootAlias());
        StringBuilder where = new StringBuilder(" WHERE ").append(selected.column()).append(" IS NOT NULL");
        if (inner.field("IsDeleted").isPresent()) {
            where.append(" AND ").append(joins.rootAlias()).append('.').append(SqlNames.column("IsDeleted"))
                    .append(" IS NOT TRUE");
        }
        if (sub.whereClause() != null) {
            where.append(" AND ").append(new FilterTranslator(joins, literals, errors, params)
                    .logical(sub.whereClause().logicalExpression()));
        }
        // The joins are known only once the filter is translated.
        String in = left.column() + " IN (" + sql.append(joins.joins()).append(where) + ")";
        return anti ? "NOT COALESCE(" + in + ", FALSE)" : in;
    }

    // An Id identifies its own object; a reference, the objects it points to.
    private static boolean pointsToSameObject(FieldDef left, SObjectType outer, FieldDef right, SObjectType inner) {
        List<String> leftTargets = left.type() == FieldType.ID ? List.of(outer.name()) : left.referenceTo();
        List<String> rightTargets = right.type() == FieldType.ID ? List.of(inner.name()) : right.referenceTo();
        for (String target : leftTargets) {
            for (String other : rightTargets) {
                if (target.equalsIgnoreCase(other)) {
                    return true;
                }
            }
        }
        return leftTargets.isEmpty() || rightTargets.isEmpty();
    }

    private static boolean isKey(FieldDef f) {
        return f.type() == FieldType.ID || f.type() == FieldType.REFERENCE;
    }

    private static SubQueryContext firstSubQuery(ParseTree node) {
        if (node instanceof SubQueryContext sub) {
            return sub;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            SubQueryContext found = firstSubQuery(node.getChild(i));
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
