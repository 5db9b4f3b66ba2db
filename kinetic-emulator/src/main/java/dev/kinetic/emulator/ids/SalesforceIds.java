package dev.kinetic.emulator.ids;

import java.util.Locale;

/** Salesforce record ids: the 18-character checksum, validation and base-62 encoding. Stateless. */
public final class SalesforceIds {
    /** Base-62 digits in Salesforce's order. */
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    /** The 18-character form of a 15-character id: the id plus its three checksum characters. */
    public static String to18(String id15) {
        if (id15 == null || id15.length() != 15) {
            throw new IllegalArgumentException("expected a 15-character id, got " + id15);
        }
        StringBuilder out = new StringBuilder(18).append(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            out.append(CHECKSUM.charAt(bits));
        }
        return out.toString();
    }

    /**
     * The canonical 18-character form of a 15- or 18-character id, or null when the text is not a well-formed id
     * (wrong length, a character outside base 62, or an 18-character id whose checksum does not match case-insensitively).
     */
    public static String normalize(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() == 15) {
            return isBase62(id) ? to18(id) : null;
        }
        if (id.length() == 18) {
            String head = id.substring(0, 15);
            if (!isBase62(head)) {
                return null;
            }
            String full = to18(head);
            return full.substring(15).equals(id.substring(15).toUpperCase(Locale.ROOT)) ? full : null;
        }
        return null;
    }

    /** The key prefix (first three characters) of an id. */
    public static String keyPrefix(String id) {
        return id.substring(0, 3);
    }

    /** Appends {@code value} in base 62, left-padded with zeros to {@code width} characters. */
    static void appendBase62(StringBuilder out, long value, int width) {
        char[] digits = new char[width];
        long v = value;
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        if (v != 0) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " base-62 digits");
        }
        out.append(digits);
    }

    private static boolean isBase62(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
