package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.db.FieldValues;
import dev.kinetic.emulator.db.MultiPicklistValues;
import dev.kinetic.emulator.ids.SalesforceIds;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import io.github.apexdevtools.apexparser.ApexParser.ValueContext;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Reads one literal of a WHERE condition as a value of the compared field's type, refusing a literal of another type
 * with Salesforce's message ({@code value of filter criterion for field 'AnnualRevenue' must be of type double and
 * should not be enclosed in quotes}). Ids are checked and brought to their 18-character form. Thread-safe.
 */
final class FilterLiterals {
    /** A literal read for a field. */
    sealed interface Literal {
    }

    /** {@code null}. */
    record Null() implements Literal {
    }

    /** A single value, as bound to a JDBC parameter. */
    record Plain(Object value) implements Literal {
    }

    /** A date literal's range of days. */
    record Range(DateLiterals.DayRange days) implements Literal {
    }

    private final DateLiterals dates;
    private final SoqlErrors errors;

    FilterLiterals(DateLiterals dates, SoqlErrors errors) {
        this.dates = dates;
        this.errors = errors;
    }

    /**
     * Reads a literal for a field.
     *
     * @throws SoqlException when the literal is not of the field's type, or is malformed
     */
    Literal read(ValueContext v, FieldDef field) throws SoqlException {
        if (v.NULL() != null) {
            return new Null();
        }
        if (v.boundExpression() != null) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, v, "unexpected token: ':' (bind variables exist only in"
                    + " Apex; write the value into the query)");
        }
        if (v.IntegralCurrencyLiteral() != null) {
            throw SoqlErrors.plain(SoqlErrors.NOT_ENABLED, "Currency literals such as " + v.getText()
                    + " are not supported by the local org (it has a single currency); write the plain number.");
        }
        FieldType type = field.type();
        if (type == FieldType.ID || type == FieldType.REFERENCE) {
            return new Plain(id(v, field));
        }
        if (type.isText()) {
            requireToken(v.StringLiteral() != null, v, field, "string", true);
            String text = SoqlStrings.value(v.StringLiteral().getSymbol(), errors);
            // A multi-select value compares in its stored form: 'b;a' equals a stored 'a;b'.
            return new Plain(type == FieldType.MULTIPICKLIST ? MultiPicklistValues.normalize(field, text) : text);
        }
        switch (type) {
            case BOOLEAN -> {
                requireToken(v.BooleanLiteral() != null, v, field, "boolean", false);
                return new Plain(Boolean.valueOf(v.BooleanLiteral().getText().equalsIgnoreCase("true")));
            }
            case INT, LONG, DOUBLE, CURRENCY, PERCENT -> {
                requireToken(v.signedNumber() != null, v, field, typeName(type), false);
                return new Plain(number(v));
            }
            case DATE -> {
                if (v.dateFormula() != null) {
                    return new Range(dates.range(v.dateFormula(), errors));
                }
                requireToken(v.DateLiteral() != null, v, field, "date", false);
                try {
                    return new Plain(LocalDate.parse(v.DateLiteral().getText()));
                } catch (DateTimeException e) {
                    throw errors.at(SoqlErrors.MALFORMED_QUERY, v, "invalid date: " + v.getText());
                }
            }
            case DATETIME -> {
                if (v.dateFormula() != null) {
                    return new Range(dates.range(v.dateFormula(), errors));
                }
                requireToken(v.DateTimeLiteral() != null, v, field, "dateTime", false);
                try {
                    return new Plain(FieldValues.parseDateTime(v.DateTimeLiteral().getText().toUpperCase()));
                } catch (DateTimeException e) {
                    throw errors.at(SoqlErrors.MALFORMED_QUERY, v, "invalid dateTime: " + v.getText());
                }
            }
            case TIME -> {
                requireToken(v.TimeLiteral() != null, v, field, "time", false);
                String text = v.TimeLiteral().getText().toUpperCase();
                try {
                    return new Plain(LocalTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1)
                            : text));
                } catch (DateTimeException e) {
                    throw errors.at(SoqlErrors.MALFORMED_QUERY, v, "invalid time: " + v.getText());
                }
            }
            default -> throw errors.at(SoqlErrors.INVALID_FIELD, v, "field '" + field.name()
                    + "' can not be filtered in a query call");
        }
    }

    /**
     * Reads the pattern of a LIKE condition as an SQL LIKE pattern (see {@link SoqlStrings#likePattern}).
     *
     * @throws SoqlException when the value is not a string literal
     */
    String likePattern(ValueContext v, FieldDef field) throws SoqlException {
        if (v.NULL() != null) {
            throw errors.at(SoqlErrors.INVALID_OPERATOR, v, "LIKE needs a string pattern, not null");
        }
        requireToken(v.StringLiteral() != null, v, field, "string", true);
        return SoqlStrings.likePattern(v.StringLiteral().getSymbol(), errors);
    }

    private String id(ValueContext v, FieldDef field) throws SoqlException {
        requireToken(v.StringLiteral() != null, v, field, "id", true);
        String text = SoqlStrings.value(v.StringLiteral().getSymbol(), errors);
        String id = SalesforceIds.normalize(text);
        if (id == null) {
            throw errors.at(SoqlErrors.INVALID_OPERATOR, v, "invalid ID field: " + text);
        }
        return id;
    }

    private void requireToken(boolean ok, ValueContext v, FieldDef field, String typeName, boolean quoted)
            throws SoqlException {
        if (!ok) {
            throw errors.at(SoqlErrors.INVALID_FIELD, v, "value of filter criterion for field '" + field.name()
                    + "' must be of type " + typeName + " and should " + (quoted ? "" : "not ")
                    + "be enclosed in quotes");
        }
    }

    private BigDecimal number(ValueContext v) throws SoqlException {
        String text = v.signedNumber().getText();
        if (text.endsWith("d") || text.endsWith("D")) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, v, "unexpected token: '" + text + "'");
        }
        return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }

    private static String typeName(FieldType type) {
        return switch (type) {
            case INT -> "integer";
            case LONG -> "long";
            default -> "double";
        };
    }
}
