package dev.kinetic.core.internal.bulk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Brings a CSV value into the form in which input and echoed result values compare equal the way Salesforce
 * normalises them: numbers to plain canonical decimals ({@code 912260031} and {@code 9.12260031E8} match),
 * booleans to {@code true}/{@code false}, date-times to UTC instants (midnight UTC to the bare date, so a date
 * given for a dateTime field matches its echo), {@code #N/A} to empty, surrounding blanks stripped.
 */
final class EchoNormalizer {
    private EchoNormalizer() {
    }

    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip();
        if (s.isEmpty() || s.equals("#N/A")) {
            return "";
        }
        char c = s.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            String integer = plainInteger(s);
            if (integer == null) {
                integer = wholeDecimal(s);
            }
            if (integer != null) {
                return integer;
            }
            if (looksNumeric(s)) {
                String number = viaDouble(s);
                if (number != null) {
                    return number;
                }
            }
            if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                return dateLike(s);
            }
            return s;
        }
        if (s.length() <= 5) {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.equals("true") || l.equals("yes")) {
                return "true";
            }
            if (l.equals("false") || l.equals("no")) {
                return "false";
            }
        }
        return s;
    }

    /**
     * The fast path for plain integers of up to 15 digits (exact as doubles): the same text the slow path gives,
     * without parsing. Returns null for anything else.
     */
    private static String plainInteger(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        int n = s.length() - start;
        if (n == 0 || n > 15) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int first = start;
        while (first < s.length() - 1 && s.charAt(first) == '0') {
            first++;
        }
        String digits = s.substring(first);
        if (digits.equals("0")) {
            return "0";
        }
        return start == 1 ? "-" + digits : (first == 0 ? s : digits);
    }

    /**
     * The fast path for a whole number written with a fraction of zeros ({@code 107919.0}, {@code -5.00}, as number
     * fields are often echoed) of up to 15 digits: the same text {@link #viaDouble} gives, without parsing. Returns
     * null for anything else.
     */
    private static String wholeDecimal(String s) {
        int dot = s.indexOf('.');
        if (dot <= 0 || dot == s.length() - 1) {
            return null;
        }
        for (int i = dot + 1; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return null;
            }
        }
        return plainInteger(s.substring(0, dot));
    }

    /** A number through a double, as Salesforce compares numbers: canonical plain text, or null if not a number. */
    static String viaDouble(String s) {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isInfinite(d) && !Double.isNaN(d)) {
                return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
        } catch (NumberFormatException e) {
            // not a number after all, e.g. a date
        }
        return null;
    }

    private static boolean looksNumeric(String s) {
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == 'e' || c == 'E') {
                if (!digit) {
                    return false;
                }
            } else if (c != '.' && c != '-' && c != '+') {
                return false;
            }
        }
        return digit;
    }

    private static String dateLike(String s) {
        if (s.length() == 10 || (s.length() == 11 && s.endsWith("Z"))) {
            return s.substring(0, 10);
        }
        if (s.length() > 10 && s.charAt(10) == 'T') {
            Instant i = instant(s);
            if (i != null) {
                if (i.getEpochSecond() % 86_400 == 0 && i.getNano() == 0) {
                    return i.atOffset(ZoneOffset.UTC).toLocalDate().toString();
                }
                return i.toString();
            }
        }
        return s;
    }

    private static Instant instant(String s) {
        String t = s;
        // Salesforce writes offsets without a colon (+0000); java.time wants +00:00.
        if (t.length() > 5) {
            char sign = t.charAt(t.length() - 5);
            if ((sign == '+' || sign == '-') && t.charAt(t.length() - 3) != ':') {
                t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
