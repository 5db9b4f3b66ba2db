package dev.kinetic.cli.results;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings a cell to the form Salesforce echoes it in result files, so an input row can be recognised in its result:
 * numbers compare by value ({@code 912260031} = {@code 9.12260031E8}), booleans ignore case, date-times compare as
 * instants, {@code #N/A} is empty, and record ids compare by their 15-character form.
 */
final class ValueNormalizer {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    private ValueNormalizer() {
    }

    /** The normalised form of a cell; {@code idColumn} says the column holds record ids. */
    static String normalize(String value, boolean idColumn) {
        if (value == null || value.isEmpty() || "#N/A".equals(value)) {
            return "";
        }
        if (idColumn) {
            return value.length() == 18 ? value.substring(0, 15) : value;
        }
        if (NUMBER.matcher(value).matches()) {
            try {
                BigDecimal number = new BigDecimal(value);
                return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return value.toLowerCase(Locale.ROOT);
        }
        if (DATE_TIME.matcher(value).matches()) {
            try {
                return OffsetDateTime.parse(value.endsWith("Z") ? value : value.replaceFirst(
                        "([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant().toString();
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }
}
