package dev.kinetic.emulator.db;

import dev.kinetic.emulator.schema.FieldDef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Converts between Salesforce's text form of a value (CSV cells, SOQL results) and the Java value stored through
 * JDBC: {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code Double}, {@code LocalDate},
 * {@code LocalDateTime} (UTC) and {@code LocalTime}. Stateless and thread-safe.
 */
public final class FieldValues {
    /** Salesforce's dateTime output form: {@code 2024-01-02T17:38:59.000Z}. */
    public static final DateTimeFormatter DATETIME_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final DateTimeFormatter TIME_OUT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'");
    // yyyy-MM-ddTHH:mm[:ss[.SSS]] with Z, +hh:mm, +hhmm or no offset (taken as UTC).
    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT); // 2024-02-30 is refused, not clamped

    private FieldValues() {
    }

    /**
     * The stored value for a non-empty text value of this field.
     *
     * @throws InvalidValueException if the text is not a value of the field's type; the message has the form
     *     {@code value not of required type: <text>}
     */
    public static Object parse(FieldDef field, String text) throws InvalidValueException {
        try {
            return switch (field.type()) {
                case BOOLEAN -> parseBoolean(text);
                case INT -> Integer.valueOf(text.trim());
                case LONG -> Long.valueOf(text.trim());
                case CURRENCY, DOUBLE, PERCENT -> parseDouble(text);
                case DATE -> parseDate(text);
                case DATETIME -> parseDateTime(text);
                case TIME -> LocalTime.parse(stripZ(text.trim()));
                default -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidValueException("value not of required type: " + text);
        }
    }

    /**
     * The text form of a stored value as Salesforce echoes it in ingest results: doubles as Java renders them
     * ({@code 9.12260031E8}), dateTimes in UTC with milliseconds, null as the empty string.
     */
    public static String formatEcho(FieldDef field, Object value) {
        if (value instanceof Double d) {
            double v = d;
            // Double.toString of a whole number below 10^7 (but -0.0) is its digits and ".0": built without the
            // general conversion, which costs far more and runs for every number cell of a load.
            if (v == Math.rint(v) && Math.abs(v) < 1e7 && (v != 0 || 1 / v > 0)) {
                return Long.toString((long) v).concat(".0");
            }
            return d.toString();
        }
        return formatQuery(field, value);
    }

    /**
     * The text form of a stored value in query results: numbers without exponent or trailing zeros
     * ({@code 5000000}, {@code 1.5}), booleans {@code true}/{@code false}, dates {@code yyyy-MM-dd}, dateTimes
     * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, null as the empty string.
     */
    public static String formatQuery(FieldDef field, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            double v = d;
            if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
                // A whole number: the same digits as the BigDecimal route below, without its cost.
                return Long.toString((long) v);
            }
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDateTime t) {
            return DATETIME_OUT.format(t);
        }
        if (value instanceof OffsetDateTime t) {
            return DATETIME_OUT.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof Instant t) {
            return DATETIME_OUT.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        }
        if (value instanceof LocalTime t) {
            return TIME_OUT.format(t);
        }
        if (value instanceof java.sql.Timestamp t) {
            return DATETIME_OUT.format(t.toLocalDateTime());
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return value.toString();
    }

    /** Parses a dateTime text ({@code 2024-01-02T10:00:00.000+05:00}, {@code …Z}, or a date) into UTC. */
    public static LocalDateTime parseDateTime(String text) {
        String t = text.trim();
        if (t.length() == 10 || (t.length() == 11 && t.endsWith("Z"))) {
            return parseDate(t).atStartOfDay();
        }
        var parsed = DATETIME_IN.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return (LocalDateTime) parsed;
    }

    /** Parses a date text ({@code yyyy-MM-dd}, tolerating the trailing {@code Z} of old samples). */
    public static LocalDate parseDate(String text) {
        return LocalDate.parse(stripZ(text.trim()));
    }

    private static Boolean parseBoolean(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new NumberFormatException(text);
        };
    }

    private static Double parseDouble(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
            throw new NumberFormatException(text);
        }
        double d = Double.parseDouble(t);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new NumberFormatException(text);
        }
        return d;
    }

    private static String stripZ(String t) {
        return t.endsWith("Z") && t.length() == 11 ? t.substring(0, 10) : t;
    }
}
