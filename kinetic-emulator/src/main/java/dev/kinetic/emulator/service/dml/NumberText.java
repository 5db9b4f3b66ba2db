package dev.kinetic.emulator.service.dml;

/**
 * The shapes of number cells that {@link WriteValues} accepts, checked by hand rather than with regular expressions
 * (a matcher per cell was a visible share of a load's garbage): a decimal is {@code [+-]?(D+(.D*)?|.D+)([eE][+-]?D+)?}
 * and an integer {@code [+-]?D+}, where D is an ASCII digit. Stateless and thread-safe.
 */
final class NumberText {
    private NumberText() {
    }

    /** Whether {@code s} is an XML schema decimal or double as the Bulk API takes it (no INF, NaN or separators). */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = sign(s);
        int whole = digits(s, i);
        i += whole;
        int fraction = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            fraction = digits(s, i);
            i += fraction;
        }
        if (whole == 0 && fraction == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = digits(s, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == n;
    }

    /** Whether {@code s} is an optional sign and one or more ASCII digits. */
    static boolean isInteger(String s) {
        int i = sign(s);
        int d = digits(s, i);
        return d > 0 && i + d == s.length();
    }

    /**
     * For a decimal without exponent ({@link #isDecimal}), how many digits its whole part has without leading zeros
     * ({@code 0.5} and {@code .5} have none); -1 when it has an exponent.
     */
    static int integerDigits(String s) {
        int i = sign(s);
        int n = s.length();
        while (i < n && s.charAt(i) == '0') {
            i++;
        }
        int d = digits(s, i);
        for (int j = i + d; j < n; j++) {
            char c = s.charAt(j);
            if (c == 'e' || c == 'E') {
                return -1;
            }
        }
        return d;
    }

    private static int sign(String s) {
        return !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
