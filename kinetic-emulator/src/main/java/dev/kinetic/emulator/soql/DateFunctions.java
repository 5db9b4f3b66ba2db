package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import io.github.apexdevtools.apexparser.ApexLexer;
import io.github.apexdevtools.apexparser.ApexParser.DateFieldNameContext;
import io.github.apexdevtools.apexparser.ApexParser.SoqlFunctionContext;
import java.util.List;

/**
 * Translates SOQL date functions in WHERE ({@code CALENDAR_YEAR(CreatedDate) = 2024}, {@code DAY_ONLY(CreatedDate) =
 * TODAY}…) into SQL expressions. In the local org every user's time zone is UTC, so {@code convertTimezone(f)} is
 * {@code f}; the fiscal year is the calendar year. {@code DAY_IN_WEEK} counts from Sunday = 1; {@code WEEK_IN_MONTH}
 * and {@code WEEK_IN_YEAR} count weeks of seven days from the 1st of the month or year. Stateless and thread-safe.
 */
final class DateFunctions {
    /**
     * A date function applied to a field.
     *
     * @param sql the SQL expression
     * @param field a synthetic field of the function's result type (int, or date for DAY_ONLY), named as written
     */
    record Applied(String sql, FieldDef field) {
    }

    private DateFunctions() {
    }

    /**
     * Translates a function used in a WHERE condition.
     *
     * @throws SoqlException {@code FUNCTIONALITY_NOT_ENABLED} for aggregates and other functions,
     *     {@code INVALID_FIELD} when the argument is not a date or dateTime field
     */
    static Applied apply(SoqlFunctionContext fn, JoinPlan joins, SoqlErrors errors) throws SoqlException {
        int kind = fn.getStart().getType();
        DateFieldNameContext arg = fn.dateFieldName();
        if (arg == null) {
            if (isAggregate(kind)) {
                throw SoqlErrors.plain(SoqlErrors.NOT_ENABLED, ClauseChecks.AGGREGATES);
            }
            throw errors.at(SoqlErrors.NOT_ENABLED, fn, "Functions in WHERE such as " + fn.getText() + " are not"
                    + " supported by the local org; compare the field itself.");
        }
        JoinPlan.Resolved r = joins.resolve(arg.fieldName());
        FieldType type = r.field().type();
        boolean dateTime = type == FieldType.DATETIME;
        if (!dateTime && (type != FieldType.DATE || kind == ApexLexer.HOUR_IN_DAY)) {
            throw errors.at(SoqlErrors.INVALID_FIELD, arg, "Date function " + fn.getStart().getText()
                    + "() needs a " + (kind == ApexLexer.HOUR_IN_DAY ? "dateTime" : "date or dateTime")
                    + " field; '" + r.field().name() + "' is of type " + type.name().toLowerCase());
        }
        String c = r.column();
        String sql = switch (kind) {
            case ApexLexer.CALENDAR_YEAR, ApexLexer.FISCAL_YEAR -> "EXTRACT(YEAR FROM " + c + ")";
            case ApexLexer.CALENDAR_MONTH, ApexLexer.FISCAL_MONTH -> "EXTRACT(MONTH FROM " + c + ")";
            case ApexLexer.CALENDAR_QUARTER, ApexLexer.FISCAL_QUARTER -> "EXTRACT(QUARTER FROM " + c + ")";
            case ApexLexer.DAY_IN_MONTH -> "EXTRACT(DAY FROM " + c + ")";
            case ApexLexer.DAY_IN_YEAR -> "EXTRACT(DAY_OF_YEAR FROM " + c + ")";
            case ApexLexer.DAY_IN_WEEK -> "(MOD(EXTRACT(ISO_DAY_OF_WEEK FROM " + c + "), 7) + 1)";
            case ApexLexer.HOUR_IN_DAY -> "EXTRACT(HOUR FROM " + c + ")";
            case ApexLexer.WEEK_IN_MONTH -> "((EXTRACT(DAY FROM " + c + ") - 1) / 7 + 1)";
            case ApexLexer.WEEK_IN_YEAR -> "((EXTRACT(DAY_OF_YEAR FROM " + c + ") - 1) / 7 + 1)";
            default -> "CAST(" + c + " AS DATE)";
        };
        FieldType result = kind == ApexLexer.DAY_ONLY ? FieldType.DATE : FieldType.INT;
        return new Applied(sql, synthetic(fn.getText(), result));
    }

    private static boolean isAggregate(int kind) {
        return switch (kind) {
            case ApexLexer.COUNT, ApexLexer.COUNT_DISTINCT, ApexLexer.SUM, ApexLexer.AVG, ApexLexer.MIN,
                 ApexLexer.MAX, ApexLexer.GROUPING -> true;
            default -> false;
        };
    }

    /** A read-only calculated field of this type, for a function's result. */
    static FieldDef synthetic(String name, FieldType type) {
        return new FieldDef(name, name, type, 0, 0, 0, true, false, false, false, false, false, false, false, false,
                true, false, false, List.of(), null, null, false, List.of(), null);
    }
}
