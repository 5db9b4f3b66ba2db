package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import io.github.apexdevtools.apexparser.ApexLexer;
import io.github.apexdevtools.apexparser.ApexParser.SoqlFunctionContext;

/**
 * The aggregate functions of REST queries: {@code COUNT()}, {@code COUNT(field)}, {@code COUNT_DISTINCT(field)},
 * {@code SUM}, {@code AVG}, {@code MIN} and {@code MAX}, as SQL over the joined tables. Stateless and thread-safe.
 */
final class AggregateFunctions {
    private AggregateFunctions() {
    }

    /** Whether the function is an aggregate. */
    static boolean isAggregate(SoqlFunctionContext fn) {
        return switch (fn.getStart().getType()) {
            case ApexLexer.COUNT, ApexLexer.COUNT_DISTINCT, ApexLexer.SUM, ApexLexer.AVG, ApexLexer.MIN,
                 ApexLexer.MAX -> true;
            default -> false;
        };
    }

    /** Whether the function is {@code COUNT()} with no field. */
    static boolean isCountAll(SoqlFunctionContext fn) {
        return fn.getStart().getType() == ApexLexer.COUNT && fn.fieldName() == null;
    }

    /**
     * Translates an aggregate function.
     *
     * @throws SoqlException {@code INVALID_FIELD} when SUM or AVG is given a field that is not a number, or a field
     *     cannot be aggregated
     */
    static DateFunctions.Applied apply(SoqlFunctionContext fn, JoinPlan joins, SoqlErrors errors)
            throws SoqlException {
        int kind = fn.getStart().getType();
        if (fn.fieldName() == null) {
            if (kind != ApexLexer.COUNT) {
                throw errors.at(SoqlErrors.MALFORMED_QUERY, fn, SoqlParser.unexpected(fn.RPAREN().getSymbol()));
            }
            return new DateFunctions.Applied("COUNT(*)", DateFunctions.synthetic(fn.getText(), FieldType.INT));
        }
        JoinPlan.Resolved r = joins.resolve(fn.fieldName());
        FieldDef f = r.field();
        String name = fn.getStart().getText().toUpperCase();
        if (f.type().isCompound() || f.type() == FieldType.MULTIPICKLIST || FilterTranslator.isLongText(f)) {
            throw errors.at(SoqlErrors.INVALID_FIELD, fn, "field " + f.name() + " does not support aggregate"
                    + " operator " + name);
        }
        if ((kind == ApexLexer.SUM || kind == ApexLexer.AVG) && !f.type().isNumeric()) {
            throw errors.at(SoqlErrors.INVALID_FIELD, fn, "field " + f.name() + " does not support aggregate"
                    + " operator " + name);
        }
        String c = r.column();
        return switch (kind) {
            case ApexLexer.COUNT -> new DateFunctions.Applied("COUNT(" + c + ")", DateFunctions.synthetic(fn.getText(), FieldType.INT));
            case ApexLexer.COUNT_DISTINCT -> new DateFunctions.Applied("COUNT(DISTINCT " + c + ")",
                    DateFunctions.synthetic(fn.getText(), FieldType.INT));
            case ApexLexer.SUM -> new DateFunctions.Applied("SUM(CAST(" + c + " AS DOUBLE))",
                    DateFunctions.synthetic(fn.getText(), FieldType.DOUBLE));
            case ApexLexer.AVG -> new DateFunctions.Applied("AVG(CAST(" + c + " AS DOUBLE))",
                    DateFunctions.synthetic(fn.getText(), FieldType.DOUBLE));
            case ApexLexer.MIN -> new DateFunctions.Applied("MIN(" + c + ")", f);
            default -> new DateFunctions.Applied("MAX(" + c + ")", f);
        };
    }
}
