package dev.kinetic.core.internal.bind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Map;

/**
 * Parses Salesforce CSV text into the Java types typed records support. One parser per component type is chosen
 * when a class is bound, so no type is looked up per row.
 */
final class ValueParser {
    /** dateTime as Salesforce writes it, milliseconds optional, offset {@code Z}, {@code +00:00} or {@code +0000}. */
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendPattern("[XXX][XX]").toFormatter();
    /** time as Salesforce writes it: {@code HH:mm:ss.SSSZ}, milliseconds and the {@code Z} optional. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd().toFormatter();

    /** Turns non-empty CSV text into a value; throws {@link IllegalArgumentException} saying why it does not fit. */
    @FunctionalInterface
    interface Parser {
        Object parse(String text);
    }

    private static final Map<Class<?>, Parser> PARSERS = Map.ofEntries(
            Map.entry(String.class, s -> s),
            Map.entry(boolean.class, ValueParser::bool), Map.entry(Boolean.class, ValueParser::bool),
            Map.entry(int.class, s -> whole(s).intValueExact()), Map.entry(Integer.class, s -> whole(s).intValueExact()),
            Map.entry(long.class, s -> whole(s).longValueExact()), Map.entry(Long.class, s -> whole(s).longValueExact()),
            Map.entry(double.class, ValueParser::dbl), Map.entry(Double.class, ValueParser::dbl),
            Map.entry(BigDecimal.class, ValueParser::decimal),
            Map.entry(LocalDate.class, LocalDate::parse),
            Map.entry(Instant.class, s -> dateTime(s).toInstant()),
            Map.entry(OffsetDateTime.class, ValueParser::dateTime),
            Map.entry(ZonedDateTime.class, s -> dateTime(s).atZoneSameInstant(ZoneOffset.UTC)),
            Map.entry(LocalTime.class, s -> LocalTime.parse(s, TIME)));

    /** The supported scalar types, for messages. */
    static final String SUPPORTED = "String, boolean, int, long, double (and their boxes), BigDecimal, LocalDate, "
            + "Instant, OffsetDateTime, ZonedDateTime, LocalTime, an enum, or a nested record or bean";

    private ValueParser() {
    }

    /** Whether the type is a plain value (not a nested record). */
    static boolean isScalar(Class<?> type) {
        return PARSERS.containsKey(type) || type.isEnum();
    }

    /** The parser of a scalar type. */
    static Parser forType(Class<?> type) {
        if (type.isEnum()) {
            Picklist values = Picklist.of(type);
            return values::parse;
        }
        Parser p = PARSERS.get(type);
        if (p == null) {
            throw new IllegalArgumentException("unsupported type " + type.getName());
        }
        return text -> {
            try {
                return p.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a " + describe(type));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("does not fit in " + type.getSimpleName());
            }
        };
    }

    /** The value of a primitive type no column carries. */
    static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return type == double.class ? 0.0 : null;
    }

    private static String describe(Class<?> type) {
        if (type == LocalDate.class) {
            return "date (yyyy-MM-dd)";
        }
        if (type == LocalTime.class) {
            return "time (HH:mm:ss.SSSZ)";
        }
        return "dateTime (yyyy-MM-ddTHH:mm:ss.SSSZ)";
    }

    private static Boolean bool(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean (true or false)");
    }

    private static BigDecimal whole(String s) {
        BigDecimal d = decimal(s);
        try {
            return d.setScale(0, java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
    }

    private static Double dbl(String s) {
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
    }

    private static OffsetDateTime dateTime(String s) {
        return OffsetDateTime.parse(s, DATETIME);
    }
}
