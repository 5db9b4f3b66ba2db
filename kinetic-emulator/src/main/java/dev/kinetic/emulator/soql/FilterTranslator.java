package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.db.MultiPicklistValues;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import io.github.apexdevtools.apexparser.ApexParser.ComparisonOperatorContext;
import io.github.apexdevtools.apexparser.ApexParser.ConditionalExpressionContext;
import io.github.apexdevtools.apexparser.ApexParser.FieldExpressionContext;
import io.github.apexdevtools.apexparser.ApexParser.LogicalExpressionContext;
import io.github.apexdevtools.apexparser.ApexParser.ValueContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a SOQL WHERE condition into an SQL condition with {@code ?} parameters. SOQL semantics kept: text
 * comparisons ignore case; {@code !=} and {@code NOT IN} also match null values; {@code NOT} is two-valued (a
 * condition on a null value is false, so its negation is true); a date literal is a range ({@code =} within it,
 * {@code <} before its start, {@code >} after its end). Not thread-safe: one per translation.
 */
final class FilterTranslator {
    private enum Op { EQ, NE, LT, LE, GT, GE, LIKE, IN, NOT_IN, INCLUDES, EXCLUDES }

    private final JoinPlan joins;
    private final FilterLiterals literals;
    private final SoqlErrors errors;
    private final List<Object> params;
    private final boolean aggregates;

    /**
     * @param params where the parameter values are appended, in the order of their {@code ?} in the SQL text
     */
    FilterTranslator(JoinPlan joins, FilterLiterals literals, SoqlErrors errors, List<Object> params) {
        this(joins, literals, errors, params, false);
    }

    /** @param aggregates whether aggregate functions may be compared (a HAVING clause) */
    FilterTranslator(JoinPlan joins, FilterLiterals literals, SoqlErrors errors, List<Object> params,
            boolean aggregates) {
        this.aggregates = aggregates;
        this.joins = joins;
        this.literals = literals;
        this.errors = errors;
        this.params = params;
    }

    /** The SQL of a logical expression (AND, OR or NOT of conditions). */
    String logical(LogicalExpressionContext e) throws SoqlException {
        if (e.NOT() != null) {
            return "NOT COALESCE(" + condition(e.conditionalExpression(0)) + ", FALSE)";
        }
        String joiner = e.SOQLOR().isEmpty() ? " AND " : " OR ";
        StringBuilder sql = new StringBuilder("(");
        List<ConditionalExpressionContext> parts = e.conditionalExpression();
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i == 0 ? "" : joiner).append(condition(parts.get(i)));
        }
        return sql.append(')').toString();
    }

    private String condition(ConditionalExpressionContext c) throws SoqlException {
        return c.logicalExpression() != null ? logical(c.logicalExpression()) : field(c.fieldExpression());
    }

    private String field(FieldExpressionContext e) throws SoqlException {
        JoinPlan.Resolved r;
        if (e.soqlFunction() != null) {
            DateFunctions.Applied applied = aggregates && AggregateFunctions.isAggregate(e.soqlFunction())
                    ? AggregateFunctions.apply(e.soqlFunction(), joins, errors)
                    : DateFunctions.apply(e.soqlFunction(), joins, errors);
            r = new JoinPlan.Resolved(applied.field(), applied.sql(), applied.field().name());
        } else {
            r = joins.resolve(e.fieldName());
        }
        FieldDef f = r.field();
        if (f.type().isCompound() || isLongText(f)) {
            throw errors.at(SoqlErrors.INVALID_FIELD, e, "field '" + f.name() + "' can not be filtered in a query"
                    + " call");
        }
        Op op = op(e.comparisonOperator());
        ValueContext value = e.value();
        if (value.subQuery() != null) {
            if (op != Op.IN && op != Op.NOT_IN) {
                throw errors.at(SoqlErrors.MALFORMED_QUERY, value, "A sub-select in WHERE needs IN or NOT IN, not "
                        + e.comparisonOperator().getText());
            }
            return SemiJoin.sql(e, r, op == Op.NOT_IN, joins, literals, errors, params);
        }
        boolean list = op == Op.IN || op == Op.NOT_IN || op == Op.INCLUDES || op == Op.EXCLUDES;
        if (list != (value.valueList() != null) && !(op == Op.INCLUDES || op == Op.EXCLUDES)) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, value, SoqlParser.unexpected(value.getStart()));
        }
        boolean text = f.type().isText();
        // A checkbox is never null in Salesforce: "= null" matches false and "!= null" matches true.
        String column = text ? "LOWER(" + r.column() + ")"
                : f.type() == FieldType.BOOLEAN ? "COALESCE(" + r.column() + ", FALSE)" : r.column();
        return switch (op) {
            case IN -> in(value, f, r.column(), column, text);
            case NOT_IN -> "NOT COALESCE(" + in(value, f, r.column(), column, text) + ", FALSE)";
            case INCLUDES -> includes(value, f, r.column(), e);
            case EXCLUDES -> "NOT COALESCE(" + includes(value, f, r.column(), e) + ", FALSE)";
            case LIKE -> like(value, f, column, e);
            default -> compare(op, literals.read(value, f), f, r.column(), column, text, e);
        };
    }

    private String compare(Op op, FilterLiterals.Literal literal, FieldDef f, String raw, String column,
            boolean text, FieldExpressionContext e) throws SoqlException {
        if (literal instanceof FilterLiterals.Null && f.type() == FieldType.BOOLEAN && (op == Op.EQ || op == Op.NE)) {
            return column + (op == Op.EQ ? " = FALSE" : " = TRUE");
        }
        if (literal instanceof FilterLiterals.Null) {
            return switch (op) {
                case EQ -> raw + " IS NULL";
                case NE -> raw + " IS NOT NULL";
                default -> throw errors.at(SoqlErrors.INVALID_OPERATOR, e.comparisonOperator(), "null can only be"
                        + " compared with = or != (field '" + f.name() + "')");
            };
        }
        if (f.type() == FieldType.BOOLEAN && op != Op.EQ && op != Op.NE) {
            throw errors.at(SoqlErrors.INVALID_OPERATOR, e.comparisonOperator(), "operator "
                    + e.comparisonOperator().getText() + " is not valid for boolean field '" + f.name()
                    + "'; use = or !=");
        }
        if (literal instanceof FilterLiterals.Range range) {
            return range(op, range.days(), f, raw);
        }
        Object value = ((FilterLiterals.Plain) literal).value();
        params.add(value);
        String p = text ? "LOWER(?)" : "?";
        return switch (op) {
            case EQ -> column + " = " + p;
            case NE -> f.type() == FieldType.BOOLEAN ? column + " <> " + p
                    : "(" + column + " <> " + p + " OR " + raw + " IS NULL)";
            case LT -> column + " < " + p;
            case LE -> column + " <= " + p;
            case GT -> column + " > " + p;
            default -> column + " >= " + p;
        };
    }

    private String range(Op op, DateLiterals.DayRange days, FieldDef f, String raw) {
        boolean dateTime = f.type() == FieldType.DATETIME;
        Object start = dateTime ? days.start().atStartOfDay() : days.start();
        Object end = dateTime ? days.end().atStartOfDay() : days.end();
        switch (op) {
            case EQ -> {
                params.add(start);
                params.add(end);
                return "(" + raw + " >= ? AND " + raw + " < ?)";
            }
            case NE -> {
                params.add(start);
                params.add(end);
                return "(" + raw + " < ? OR " + raw + " >= ? OR " + raw + " IS NULL)";
            }
            case LT, GE -> params.add(start);
            default -> params.add(end);
        }
        return switch (op) {
            case LT, LE -> raw + " < ?";
            default -> raw + " >= ?";
        };
    }

    private String in(ValueContext value, FieldDef f, String raw, String column, boolean text)
            throws SoqlException {
        List<FilterLiterals.Literal> read = new ArrayList<>();
        for (ValueContext v : value.valueList().value()) {
            read.add(literals.read(v, f));
        }
        // Parameters are appended in SQL text order: the IN list first, then nulls and date ranges.
        List<String> alternatives = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (FilterLiterals.Literal literal : read) {
            if (literal instanceof FilterLiterals.Plain plain) {
                marks.add(text ? "LOWER(?)" : "?");
                params.add(plain.value());
            }
        }
        if (!marks.isEmpty()) {
            alternatives.add(column + " IN (" + String.join(", ", marks) + ")");
        }
        for (FilterLiterals.Literal literal : read) {
            if (literal instanceof FilterLiterals.Null) {
                alternatives.add(raw + " IS NULL");
            } else if (literal instanceof FilterLiterals.Range range) {
                alternatives.add(range(Op.EQ, range.days(), f, raw));
            }
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    private String like(ValueContext value, FieldDef f, String column, FieldExpressionContext e)
            throws SoqlException {
        if (!f.type().isText()) {
            throw errors.at(SoqlErrors.INVALID_OPERATOR, e.comparisonOperator(), "LIKE is only valid on text"
                    + " fields; field '" + f.name() + "' is of type " + f.type().name().toLowerCase());
        }
        params.add(literals.likePattern(value, f));
        return column + " LIKE LOWER(?) ESCAPE '\\'";
    }

    private String includes(ValueContext value, FieldDef f, String raw, FieldExpressionContext e)
            throws SoqlException {
        if (f.type() != FieldType.MULTIPICKLIST) {
            throw errors.at(SoqlErrors.INVALID_OPERATOR, e.comparisonOperator(), "includes or excludes operator"
                    + " only valid on multipicklist field");
        }
        List<ValueContext> values = value.valueList() != null ? value.valueList().value() : List.of(value);
        List<String> anyOf = new ArrayList<>();
        for (ValueContext v : values) {
            FilterLiterals.Literal literal = literals.read(v, f);
            if (!(literal instanceof FilterLiterals.Plain plain)) {
                throw errors.at(SoqlErrors.INVALID_OPERATOR, v, "includes and excludes need string values");
            }
            List<String> allOf = new ArrayList<>();
            for (String item : MultiPicklistValues.items((String) plain.value())) {
                params.add(";" + item + ";");
                allOf.add("LOCATE(LOWER(?), ';' || LOWER(" + raw + ") || ';') > 0");
            }
            anyOf.add(allOf.isEmpty() ? "FALSE" : "(" + String.join(" AND ", allOf) + ")");
        }
        return "(" + String.join(" OR ", anyOf) + ")";
    }

    private static Op op(ComparisonOperatorContext c) {
        if (c.ASSIGN() != null) {
            return c.LT() != null ? Op.LE : c.GT() != null ? Op.GE : Op.EQ;
        }
        if (c.NOTEQUAL() != null || c.LESSANDGREATER() != null) {
            return Op.NE;
        }
        if (c.LT() != null) {
            return Op.LT;
        }
        if (c.GT() != null) {
            return Op.GT;
        }
        if (c.LIKE() != null) {
            return Op.LIKE;
        }
        if (c.IN() != null) {
            return c.NOT() != null ? Op.NOT_IN : Op.IN;
        }
        return c.INCLUDES() != null ? Op.INCLUDES : Op.EXCLUDES;
    }

    /** Long text areas (over 255 characters) can be neither filtered nor sorted in SOQL. */
    static boolean isLongText(FieldDef f) {
        return f.type() == FieldType.TEXTAREA && f.length() > 255;
    }
}
