package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import io.github.apexdevtools.apexparser.ApexParser.FieldNameContext;
import io.github.apexdevtools.apexparser.ApexParser.FieldOrderContext;
import io.github.apexdevtools.apexparser.ApexParser.FromNameListContext;
import io.github.apexdevtools.apexparser.ApexParser.LimitClauseContext;
import io.github.apexdevtools.apexparser.ApexParser.OffsetClauseContext;
import io.github.apexdevtools.apexparser.ApexParser.QueryContext;
import io.github.apexdevtools.apexparser.ApexParser.SelectEntryContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates SOQL into SQL over the org's tables: a pure function of the query text, the schema, the date-literal
 * clock and the queryAll flag. Supports the Bulk API 2.0 subset: field lists with child-to-parent paths, WHERE,
 * ORDER BY and LIMIT; refuses everything else with an explicit error (see {@link SoqlErrors} for the codes).
 * Thread-safe (stateless).
 */
final class SoqlTranslator {
    /** The largest OFFSET SOQL accepts. */
    static final int MAX_OFFSET = 2_000;

    private SoqlTranslator() {
    }

    // SOQL keywords that cannot name an object alias.
    private static final Set<String> RESERVED = Set.of("AND", "ASC", "DESC", "EXCLUDES", "FIRST", "FROM", "GROUP",
            "HAVING", "IN", "INCLUDES", "LAST", "LIKE", "LIMIT", "NOT", "NULL", "NULLS", "OR", "SELECT", "WHERE",
            "WITH", "ORDER", "OFFSET", "USING", "FOR", "BY", "TYPEOF", "END", "WHEN", "THEN", "ELSE");

    /**
     * Translates a query.
     *
     * @throws SoqlException for syntax errors, unknown objects or fields, and SOQL that is not supported
     */
    static TranslatedQuery translate(String soql, Schema schema, DateLiterals dates, boolean queryAll)
            throws SoqlException {
        return translate(soql, schema, dates, queryAll, false);
    }

    /**
     * Translates a query; with {@code withIds}, the record's Id and the Ids of the parents its paths pass through are
     * selected after the requested columns, as the {@link RecordLayout} says.
     */
    static TranslatedQuery translate(String soql, Schema schema, DateLiterals dates, boolean queryAll,
            boolean withIds) throws SoqlException {
        SoqlErrors errors = new SoqlErrors(soql);
        QueryContext q = SoqlParser.parse(soql, errors);
        SObjectType root = fromObject(q.fromNameList(), schema, errors);
        ClauseChecks.rejectUnsupported(q, withIds);
        String alias = q.fromNameList().soqlId().isEmpty() ? null : q.fromNameList().soqlId(0).getText();
        if (alias != null && RESERVED.contains(alias.toUpperCase(Locale.ROOT))) {
            // The grammar takes a dangling keyword ("FROM Account WHERE") as an alias; Salesforce refuses it.
            boolean last = q.fromNameList().soqlId(0).getStop().getStopIndex() >= soql.stripTrailing().length() - 1;
            throw errors.at(SoqlErrors.MALFORMED_QUERY, q.fromNameList().soqlId(0),
                    last ? "unexpected token: <EOF>" : "unexpected token: '" + alias + "'");
        }
        JoinPlan joins = new JoinPlan(schema, root, alias, errors);
        if (withIds && AggregateTranslator.applies(q)) {
            return new AggregateTranslator(root, joins, errors, dates).translate(q, queryAll);
        }

        List<String> columns = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<FieldDef> fields = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT ");
        Set<String> seen = new HashSet<>();
        List<ChildQuery> children = new ArrayList<>();
        for (SelectEntryContext entry : q.selectList().selectEntry()) {
            if (withIds && entry.subQuery() != null) {
                children.add(ChildQueries.read(entry.subQuery(), columns.size(), root, schema, soql, errors, dates,
                        queryAll));
                continue;
            }
            ClauseChecks.rejectUnsupportedEntry(entry, errors);
            FieldNameContext name = entry.fieldName();
            JoinPlan.Resolved r = joins.resolve(name);
            if (r.field().type().isCompound()) {
                throw SoqlErrors.plain(SoqlErrors.NOT_ENABLED, "Selecting compound data not supported in Bulk Query");
            }
            if (!seen.add(r.canonicalPath().toLowerCase(Locale.ROOT))) {
                throw errors.at(SoqlErrors.MALFORMED_QUERY, name, "duplicate field selected: " + name.getText());
            }
            // A checkbox of a record is never null in Salesforce; one of a missing parent is.
            boolean checkbox = r.field().type() == FieldType.BOOLEAN && r.canonicalPath().indexOf('.') < 0;
            select.append(columns.isEmpty() ? "" : ", ")
                    .append(checkbox ? "COALESCE(" + r.column() + ", FALSE)" : r.column());
            columns.add(name.getText());
            paths.add(r.canonicalPath());
            fields.add(r.field());
        }
        RecordLayout layout = withIds ? idColumns(root, joins, paths, columns, fields, select, children) : null;

        List<Object> params = new ArrayList<>();
        List<String> conditions = conditions(q, root, joins, dates, errors, params, queryAll);
        String orderBy = q.orderByClause() == null ? "" : orderBy(q.orderByClause().fieldOrderList().fieldOrder(),
                joins, errors);
        String limit = limitAndOffset(q, errors, params);
        String from = select.append(" FROM ").append(SqlNames.table(root)).append(" t0").append(joins.joins())
                .toString();
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String sql = from + where + orderBy + limit;
        // Without ORDER BY and LIMIT the rows come in row-key order, so ranges of keys read in parallel and joined in
        // order give the same result as one read.
        String rangeSql = orderBy.isEmpty() && limit.isEmpty()
                ? from + (where.isEmpty() ? " WHERE " : where + " AND ") + "t0._ROWID_ BETWEEN ? AND ?" : null;
        return new TranslatedQuery(root.name(), columns, fields, sql, params, SqlNames.table(root), rangeSql,
                layout);
    }

    // Appends the record's Id and each parent's Id to the select list (columns and fields follow).
    private static RecordLayout idColumns(SObjectType root, JoinPlan joins, List<String> paths, List<String> columns,
            List<FieldDef> fields, StringBuilder select, List<ChildQuery> children) {
        FieldDef id = root.field("Id").orElseThrow(() -> new IllegalStateException(root.name() + " has no Id"));
        List<String> parentPaths = new ArrayList<>();
        List<String> parentTypes = new ArrayList<>();
        List<String> idSql = new ArrayList<>();
        idSql.add(joins.rootAlias() + "." + SqlNames.column("Id"));
        Set<String> seen = new HashSet<>();
        for (String path : paths) {
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                String prefix = path.substring(0, dot);
                JoinPlan.Parent parent = joins.parent(prefix).orElse(null);
                if (parent != null && seen.add(prefix.toLowerCase(Locale.ROOT))) {
                    parentPaths.add(prefix);
                    parentTypes.add(parent.type() == null ? null : parent.type().name());
                    idSql.add(parent.idColumn());
                }
            }
        }
        RecordLayout layout = new RecordLayout(paths, fields, parentPaths, parentTypes, RecordLayout.Kind.RECORDS,
                children);
        for (String sql : idSql) {
            select.append(select.toString().endsWith("SELECT ") ? "" : ", ").append(sql);
            columns.add("Id");
            fields.add(id);
        }
        return layout;
    }

    /** The object of a FROM clause (one object, no relationship path). */
    static SObjectType fromObject(FromNameListContext from, Schema schema, SoqlErrors errors)
            throws SoqlException {
        if (from.fieldName().size() > 1) {
            throw errors.at(SoqlErrors.NOT_ENABLED, from.fieldName(1), "Several objects in FROM are not supported"
                    + " by the local org; query " + from.fieldName(0).getText() + " alone.");
        }
        FieldNameContext name = from.fieldName(0);
        if (name.soqlId().size() > 1) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, name.DOT(0).getSymbol(), "unexpected token: '.'");
        }
        String objectName = name.getText();
        return schema.find(objectName).orElseThrow(() -> errors.at(SoqlErrors.INVALID_TYPE, name, "sObject type '"
                + objectName + "' is not supported. If you are attempting to use a custom object, be sure to"
                + " append the '__c' after the entity name. Please reference your WSDL or the describe call for the"
                + " appropriate names."));
    }

    private static String orderBy(List<FieldOrderContext> orders, JoinPlan joins, SoqlErrors errors)
            throws SoqlException {
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < orders.size(); i++) {
            FieldOrderContext o = orders.get(i);
            if (o.soqlFunction() != null) {
                throw SoqlErrors.plain(SoqlErrors.NOT_ENABLED, ClauseChecks.AGGREGATES);
            }
            JoinPlan.Resolved r = joins.resolve(o.fieldName());
            FieldDef f = r.field();
            if (f.type().isCompound() || f.type() == FieldType.MULTIPICKLIST || FilterTranslator.isLongText(f)) {
                throw errors.at(SoqlErrors.INVALID_FIELD, o, "field '" + f.name() + "' can not be sorted in a query"
                        + " call");
            }
            // SOQL sorts text case-insensitively and puts nulls first unless told otherwise.
            sql.append(i == 0 ? "" : ", ").append(f.type().isText() ? "UPPER(" + r.column() + ")" : r.column())
                    .append(o.DESC() != null ? " DESC" : " ASC")
                    .append(o.LAST() != null ? " NULLS LAST" : " NULLS FIRST");
        }
        return sql.toString();
    }

    /** The WHERE conditions: not deleted (unless queryAll), then the query's own, their values added to params. */
    static List<String> conditions(QueryContext q, SObjectType root, JoinPlan joins, DateLiterals dates,
            SoqlErrors errors, List<Object> params, boolean queryAll) throws SoqlException {
        List<String> conditions = new ArrayList<>();
        if (!queryAll && root.field("IsDeleted").isPresent()) {
            conditions.add(joins.rootAlias() + "." + SqlNames.column("IsDeleted") + " IS NOT TRUE");
        }
        if (q.whereClause() != null) {
            SemiJoin.checkPlacement(q.whereClause().logicalExpression(), errors);
            FilterTranslator filter = new FilterTranslator(joins, new FilterLiterals(dates, errors), errors, params);
            conditions.add(filter.logical(q.whereClause().logicalExpression()));
        }
        return conditions;
    }

    /** The LIMIT and OFFSET clauses of the SQL, their values added to {@code params}. */
    static String limitAndOffset(QueryContext q, SoqlErrors errors, List<Object> params) throws SoqlException {
        if (q.offsetClause() == null) {
            if (q.limitClause() == null) {
                return "";
            }
            params.add(limit(q.limitClause(), errors));
            return " LIMIT ?";
        }
        params.add(offset(q.offsetClause(), errors));
        if (q.limitClause() == null) {
            return " OFFSET ? ROWS";
        }
        params.add(limit(q.limitClause(), errors));
        return " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    }

    // SOQL's OFFSET: at most 2,000, a literal.
    private static Integer offset(OffsetClauseContext offset, SoqlErrors errors) throws SoqlException {
        if (offset.IntegerLiteral() == null) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, offset.boundExpression(), "unexpected token: ':' (bind"
                    + " variables exist only in Apex; write the number into the query)");
        }
        long value;
        try {
            value = Long.parseLong(offset.IntegerLiteral().getText());
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value > MAX_OFFSET) {
            throw SoqlErrors.plain("NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is " + MAX_OFFSET);
        }
        return (int) value;
    }

    static Integer limit(LimitClauseContext limit, SoqlErrors errors) throws SoqlException {
        if (limit.IntegerLiteral() == null) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, limit.boundExpression(), "unexpected token: ':' (bind"
                    + " variables exist only in Apex; write the number into the query)");
        }
        try {
            return Integer.valueOf(limit.IntegerLiteral().getText());
        } catch (NumberFormatException e) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, limit.IntegerLiteral().getSymbol(), "LIMIT must be a"
                    + " non-negative integer of at most 2147483647: " + limit.IntegerLiteral().getText());
        }
    }
}
