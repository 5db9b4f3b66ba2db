package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import io.github.apexdevtools.apexparser.ApexParser.FieldNameContext;
import io.github.apexdevtools.apexparser.ApexParser.FieldOrderContext;
import io.github.apexdevtools.apexparser.ApexParser.GroupByClauseContext;
import io.github.apexdevtools.apexparser.ApexParser.QueryContext;
import io.github.apexdevtools.apexparser.ApexParser.SelectEntryContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates the aggregate queries of the REST API: aggregate functions ({@link AggregateFunctions}) with GROUP BY
 * and HAVING, results keyed by alias or {@code expr0}, {@code expr1}… in the order of the unaliased aggregates, and
 * a lone {@code COUNT()}. Grouped fields are keyed by their field name. Not thread-safe: one per translation.
 */
final class AggregateTranslator {
    private final SObjectType root;
    private final JoinPlan joins;
    private final SoqlErrors errors;
    private final DateLiterals dates;

    AggregateTranslator(SObjectType root, JoinPlan joins, SoqlErrors errors, DateLiterals dates) {
        this.root = root;
        this.joins = joins;
        this.errors = errors;
        this.dates = dates;
    }

    /** Whether a query is an aggregate query: it groups, or selects an aggregate function. */
    static boolean applies(QueryContext q) {
        if (q.groupByClause() != null) {
            return true;
        }
        for (SelectEntryContext e : q.selectList().selectEntry()) {
            if (e.soqlFunction() != null && AggregateFunctions.isAggregate(e.soqlFunction())) {
                return true;
            }
        }
        return false;
    }

    TranslatedQuery translate(QueryContext q, boolean queryAll) throws SoqlException {
        GroupByClauseContext groupBy = q.groupByClause();
        if (groupBy != null && (groupBy.ROLLUP() != null || groupBy.CUBE() != null)) {
            throw SoqlErrors.plain(SoqlErrors.NOT_ENABLED, "GROUP BY ROLLUP and GROUP BY CUBE are not supported by"
                    + " the local org.");
        }
        List<String> groupColumns = new ArrayList<>();
        Set<String> grouped = new HashSet<>();
        if (groupBy != null) {
            for (SelectEntryContext entry : groupBy.selectList().selectEntry()) {
                FieldNameContext name = entry.fieldName();
                if (name == null || entry.soqlId() != null) {
                    throw errors.at(SoqlErrors.NOT_ENABLED, entry, "GROUP BY " + entry.getText() + " is not"
                            + " supported by the local org; group by fields.");
                }
                JoinPlan.Resolved r = joins.resolve(name);
                groupColumns.add(r.column());
                grouped.add(r.canonicalPath().toLowerCase(Locale.ROOT));
            }
        }
        List<SelectEntryContext> entries = q.selectList().selectEntry();
        boolean countAll = entries.size() == 1 && entries.get(0).soqlFunction() != null
                && AggregateFunctions.isCountAll(entries.get(0).soqlFunction());
        List<String> keys = new ArrayList<>();
        List<FieldDef> fields = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT ");
        int expr = 0;
        for (SelectEntryContext entry : entries) {
            String sql;
            String key;
            if (entry.fieldName() != null) {
                JoinPlan.Resolved r = joins.resolve(entry.fieldName());
                if (!grouped.contains(r.canonicalPath().toLowerCase(Locale.ROOT))) {
                    throw errors.at(SoqlErrors.MALFORMED_QUERY, entry, "Field must be grouped or aggregated: "
                            + r.field().name());
                }
                sql = r.column();
                key = entry.soqlId() != null ? entry.soqlId().getText() : r.field().name();
                fields.add(r.field());
            } else if (entry.soqlFunction() != null && AggregateFunctions.isAggregate(entry.soqlFunction())) {
                if (AggregateFunctions.isCountAll(entry.soqlFunction()) && (!countAll || groupBy != null)) {
                    throw errors.at(SoqlErrors.MALFORMED_QUERY, entry, "COUNT() must be the only element in the"
                            + " SELECT list and the query cannot group.");
                }
                DateFunctions.Applied applied = AggregateFunctions.apply(entry.soqlFunction(), joins, errors);
                sql = applied.sql();
                key = entry.soqlId() != null ? entry.soqlId().getText() : "expr" + expr++;
                fields.add(applied.field());
            } else {
                ClauseChecks.rejectUnsupportedEntry(entry, errors);
                throw errors.at(SoqlErrors.MALFORMED_QUERY, entry, "unexpected token: '" + entry.getText() + "'");
            }
            select.append(keys.isEmpty() ? "" : ", ").append(sql);
            keys.add(key);
        }

        List<Object> params = new ArrayList<>();
        List<String> conditions = SoqlTranslator.conditions(q, root, joins, dates, errors, params, queryAll);
        String having = "";
        if (groupBy != null && groupBy.logicalExpression() != null) {
            having = " HAVING " + new FilterTranslator(joins, new FilterLiterals(dates, errors), errors, params, true)
                    .logical(groupBy.logicalExpression());
        }
        String orderBy = q.orderByClause() == null ? "" : orderBy(q.orderByClause().fieldOrderList().fieldOrder());
        String limit = SoqlTranslator.limitAndOffset(q, errors, params);
        String sql = select.append(" FROM ").append(SqlNames.table(root)).append(" t0").append(joins.joins())
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + (groupColumns.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupColumns))
                + having + orderBy + limit;
        RecordLayout layout = new RecordLayout(keys, fields, List.of(), List.of(),
                countAll ? RecordLayout.Kind.COUNT : RecordLayout.Kind.AGGREGATE, List.of());
        return new TranslatedQuery(root.name(), keys, fields, sql, params, SqlNames.table(root), null, layout);
    }

    private String orderBy(List<FieldOrderContext> orders) throws SoqlException {
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < orders.size(); i++) {
            FieldOrderContext o = orders.get(i);
            String column;
            if (o.soqlFunction() != null && AggregateFunctions.isAggregate(o.soqlFunction())) {
                column = AggregateFunctions.apply(o.soqlFunction(), joins, errors).sql();
            } else if (o.fieldName() != null) {
                JoinPlan.Resolved r = joins.resolve(o.fieldName());
                column = r.field().type().isText() ? "UPPER(" + r.column() + ")" : r.column();
            } else {
                throw SoqlErrors.plain(SoqlErrors.NOT_ENABLED, "ORDER BY " + o.getText() + " is not supported by"
                        + " the local org in aggregate queries.");
            }
            sql.append(i == 0 ? "" : ", ").append(column).append(o.DESC() != null ? " DESC" : " ASC")
                    .append(o.LAST() != null ? " NULLS LAST" : " NULLS FIRST");
        }
        return sql.toString();
    }
}
