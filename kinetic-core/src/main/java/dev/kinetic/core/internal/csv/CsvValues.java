package dev.kinetic.core.internal.csv;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Java values as Salesforce CSV text: {@code null} → {@code #N/A}; numbers in plain notation; booleans
 * {@code true}/{@code false}; {@code LocalDate} {@code yyyy-MM-dd}; instants and offset/zoned date-times in UTC as
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; {@code LocalDateTime} taken as UTC; {@code LocalTime} {@code HH:mm:ss.SSSZ}.
 */
public final class CsvValues {
    /** What Salesforce reads as "set this field to null". */
    public static final String NULL = "#N/A";

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'");

    private CsvValues() {
    }

    /**
     * Formats one value.
     *
     * @throws IllegalArgumentException for NaN or infinite numbers, which Salesforce cannot store
     */
    public static String format(Object v) {
        if (v == null) {
            return NULL;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof BigDecimal d) {
            return plain(d);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("Salesforce cannot store the number " + v
                        + "; use null (written as #N/A) instead");
            }
            return plain(v instanceof Float ? new BigDecimal(v.toString()) : BigDecimal.valueOf(d));
        }
        if (v instanceof Number n) {
            return plain(new BigDecimal(n.toString()));
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Instant i) {
            return DATETIME.format(i.atOffset(ZoneOffset.UTC));
        }
        if (v instanceof OffsetDateTime t) {
            return DATETIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (v instanceof ZonedDateTime t) {
            return DATETIME.format(t.withZoneSameInstant(ZoneOffset.UTC));
        }
        if (v instanceof LocalDateTime t) {
            return DATETIME.format(t);
        }
        if (v instanceof LocalTime t) {
            return TIME.format(t);
        }
        if (v instanceof Date d) {
            return DATETIME.format(d.toInstant().atOffset(ZoneOffset.UTC));
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return v.toString();
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        return s.toPlainString();
    }
}
