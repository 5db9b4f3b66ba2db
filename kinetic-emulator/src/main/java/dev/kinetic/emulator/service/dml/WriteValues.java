package dev.kinetic.emulator.service.dml;

import dev.kinetic.emulator.db.FieldValues;
import dev.kinetic.emulator.db.InvalidValueException;
import dev.kinetic.emulator.schema.FieldDef;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.regex.Pattern;

/**
 * The Bulk CSV rules for date, dateTime and number cells, with Salesforce's per-row errors.
 *
 * <ul>
 *   <li>date: {@code yyyy-MM-dd} (the older guides' {@code yyyy-MM-ddZ} is tolerated); dateTime:
 *       {@code yyyy-MM-ddTHH:mm:ss}, optional fraction, then {@code Z}, {@code +/-HH:mm}, {@code +/-HHmm} or nothing
 *       (UTC) — Bulk API 2.0 and Bulk API Developer Guide, "Valid Date Format in Records". Another form, or a day
 *       that does not exist (2024-02-30, year 10000), fails with {@code INVALID_FIELD:Failed to deserialize field at
 *       col N. Due to, 'v' is not a valid value for the type xsd:date}, as Salesforce reports it.</li>
 *   <li>double, currency, percent: an XML schema decimal or double (sign, digits, point, exponent; no thousands
 *       separators, no INF or NaN); int: optional sign and digits. Otherwise
 *       {@code INVALID_TYPE_ON_FIELD_IN_RECORD}. A value with more digits before the point than precision minus
 *       scale allows fails with {@code NUMBER_OUTSIDE_VALID_RANGE}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class WriteValues {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}Z?");
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?");

    private WriteValues() {
    }

    /**
     * The stored value of a non-empty cell of a date, dateTime, number, boolean or time field.
     *
     * @param column the cell's column index in the CSV header, from 0
     * @throws RowFailure with Salesforce's error when the cell is not a value of the field's type
     */
    static Object convert(FieldDef f, String cell, int column) throws RowFailure {
        String text = cell.trim();
        switch (f.type()) {
            case DATE -> {
                return dateOrDateTime(f, cell, text, column, DATE, "date");
            }
            case DATETIME -> {
                return dateOrDateTime(f, cell, text, column, DATETIME, "dateTime");
            }
            case DOUBLE, CURRENCY, PERCENT -> {
                if (!NumberText.isDecimal(text)) {
                    throw new RowFailure(RowErrors.wrongType(f, cell));
                }
                Object value = parse(f, text, cell);
                checkRange(f, text, (Double) value);
                return value;
            }
            case INT, LONG -> {
                if (!NumberText.isInteger(text)) {
                    throw new RowFailure(RowErrors.wrongType(f, cell));
                }
                return parse(f, text, cell);
            }
            default -> {
                return parse(f, cell, cell);
            }
        }
    }

    private static Object dateOrDateTime(FieldDef f, String cell, String text, int column, Pattern form,
            String xsdType) throws RowFailure {
        if (!form.matcher(text).matches()) {
            throw new RowFailure(RowErrors.notDeserialized(f, cell, column, xsdType));
        }
        try {
            return FieldValues.parse(f, text);
        } catch (InvalidValueException | DateTimeException e) {
            throw new RowFailure(RowErrors.notDeserialized(f, cell, column, xsdType));
        }
    }

    private static Object parse(FieldDef f, String text, String cell) throws RowFailure {
        try {
            return FieldValues.parse(f, text);
        } catch (InvalidValueException e) {
            throw new RowFailure(RowErrors.wrongType(f, cell));
        }
    }

    // precision and scale as the describe gives them: precision counts every digit, scale those after the point.
    // The check reads the decimal text, which a double near the limit (9999999999999999.99) would round past it.
    private static void checkRange(FieldDef f, String text, double value) throws RowFailure {
        if (f.precision() <= 0) {
            return;
        }
        int allowed = Math.max(0, f.precision() - f.scale());
        int digits = NumberText.integerDigits(text);
        boolean outside = digits >= 0 ? digits > allowed
                : new BigDecimal(text).abs().compareTo(BigDecimal.TEN.pow(allowed)) >= 0;
        if (outside) {
            throw new RowFailure(RowErrors.outOfRange(f, value));
        }
    }
}
