package dev.kinetic.spark.read;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns one CSV cell of a query result into Spark's internal value for the column's type; an empty cell is null.
 * Stateless.
 */
final class CellParser {
    /** Salesforce writes {@code 2024-01-15T10:30:00.000Z}; offsets such as {@code +0000} are read too. */
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter();

    private CellParser() {
    }

    /**
     * @param cell the cell text
     * @param type the column's Spark type
     * @param column the column, for messages
     * @return the internal value, or null for an empty cell
     * @throws IllegalArgumentException naming the column and the value when the text does not fit the type
     */
    static Object parse(String cell, DataType type, String column) {
        if (cell == null || cell.isEmpty()) {
            return null;
        }
        try {
            if (type == DataTypes.StringType) {
                return UTF8String.fromString(cell);
            }
            if (type == DataTypes.BooleanType) {
                return Boolean.parseBoolean(cell);
            }
            if (type == DataTypes.IntegerType) {
                return new BigDecimal(cell).intValueExact();
            }
            if (type == DataTypes.LongType) {
                return new BigDecimal(cell).longValueExact();
            }
            if (type == DataTypes.DoubleType) {
                return Double.parseDouble(cell);
            }
            if (type instanceof DecimalType d) {
                BigDecimal v = new BigDecimal(cell).setScale(d.scale(), RoundingMode.HALF_UP);
                if (v.precision() > d.precision()) {
                    throw new IllegalArgumentException("more digits than " + d.simpleString());
                }
                return Decimal.apply(v, d.precision(), d.scale());
            }
            if (type == DataTypes.DateType) {
                return (int) LocalDate.parse(cell.length() > 10 ? cell.substring(0, 10) : cell).toEpochDay();
            }
            if (type == DataTypes.TimestampType) {
                Instant i = OffsetDateTime.parse(cell, DATETIME).toInstant();
                return ChronoUnit.MICROS.between(Instant.EPOCH, i);
            }
        } catch (ArithmeticException | IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("Column '" + column + "': the org sent '" + cell + "', which is not a "
                    + type.simpleString() + " (" + e.getMessage() + "); read it as text with the 'query' option", e);
        }
        return UTF8String.fromString(cell);
    }
}
