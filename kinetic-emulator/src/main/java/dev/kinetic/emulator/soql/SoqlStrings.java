package dev.kinetic.emulator.soql;

import org.antlr.v4.runtime.Token;

/**
 * SOQL string literals and their escape sequences, as the SOQL and SOSL Reference lists them ("Quoted String Escape
 * Sequences"): {@code \n \r \t \b \f} (either case), {@code \" \' \\}, {@code \}{@code uXXXX}, and — in a LIKE
 * pattern only — {@code \%} and {@code \_} for a literal percent sign and underscore. A backslash before anything
 * else is an error. Stateless and thread-safe.
 *
 * <p>apex-parser's lexer does not know {@code \%} and {@code \_}; {@link #lexable} hands it the query with each of
 * them replaced by {@code \\} (the same length, so token positions still index the original text) and the values are
 * read from the original text with {@link #value} or {@link #likePattern}.
 */
final class SoqlStrings {
    private SoqlStrings() {
    }

    /**
     * The query text for the lexer: every escape checked, {@code \%} and {@code \_} masked.
     *
     * @throws SoqlException {@code MALFORMED_QUERY} at the first backslash that starts no valid escape sequence
     */
    static String lexable(String soql, SoqlErrors errors) throws SoqlException {
        StringBuilder out = null;
        int row = 1;
        int column = 1;
        int literalStart = -1;
        for (int i = 0; i < soql.length(); i++) {
            char c = soql.charAt(i);
            if (literalStart < 0) {
                if (c == '\'') {
                    literalStart = i;
                }
            } else if (c == '\'') {
                literalStart = -1;
            } else if (c == '\\' && i + 1 < soql.length()) {
                char e = soql.charAt(i + 1);
                if (e == '%' || e == '_') {
                    if (out == null) {
                        out = new StringBuilder(soql);
                    }
                    out.setCharAt(i + 1, '\\');
                } else if (!isEscape(soql, i + 1)) {
                    throw errors.at(SoqlErrors.MALFORMED_QUERY, row, column, "Invalid string literal '"
                            + literalText(soql, literalStart) + "'. Illegal character sequence '\\" + e
                            + "' in string literal.");
                }
                i++;
                column++;
            }
            if (c == '\n') {
                row++;
                column = 1;
            } else {
                column++;
            }
        }
        return out == null ? soql : out.toString();
    }

    /**
     * The value of a string literal outside LIKE.
     *
     * @throws SoqlException {@code MALFORMED_QUERY} for {@code \%} and {@code \_}, which only LIKE knows
     */
    static String value(Token literal, SoqlErrors errors) throws SoqlException {
        return read(literal, errors, false);
    }

    /**
     * A LIKE pattern as an SQL LIKE pattern with {@code ESCAPE '\'}: {@code %} and {@code _} stay wildcards,
     * {@code \%} and {@code \_} match themselves, and a backslash from {@code \\} is escaped.
     */
    static String likePattern(Token literal, SoqlErrors errors) throws SoqlException {
        return read(literal, errors, true);
    }

    private static String read(Token literal, SoqlErrors errors, boolean like) throws SoqlException {
        String text = errors.text(literal);
        String body = text.substring(1, text.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            char resolved;
            switch (Character.toLowerCase(e)) {
                case 'b' -> resolved = '\b';
                case 't' -> resolved = '\t';
                case 'n' -> resolved = '\n';
                case 'f' -> resolved = '\f';
                case 'r' -> resolved = '\r';
                case 'u' -> {
                    resolved = (char) Integer.parseInt(body.substring(i + 1, i + 5), 16);
                    i += 4;
                }
                case '%', '_' -> {
                    if (!like) {
                        throw errors.at(SoqlErrors.MALFORMED_QUERY, literal, "Invalid string literal '" + body
                                + "'. Illegal character sequence '\\" + e + "' in string literal (\\" + e
                                + " is only valid in a LIKE pattern).");
                    }
                    out.append('\\').append(e);
                    continue;
                }
                default -> resolved = e;
            }
            if (like && (resolved == '%' || resolved == '_' || resolved == '\\')) {
                out.append('\\');
            }
            out.append(resolved);
        }
        return out.toString();
    }

    private static boolean isEscape(String soql, int at) {
        char e = soql.charAt(at);
        if ("nNrRtTbBfF\"'\\".indexOf(e) >= 0) {
            return true;
        }
        if (e != 'u' || at + 4 >= soql.length()) {
            return false;
        }
        for (int i = at + 1; i <= at + 4; i++) {
            if (Character.digit(soql.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String literalText(String soql, int start) {
        int end = start + 1;
        while (end < soql.length() && soql.charAt(end) != '\'') {
            end += soql.charAt(end) == '\\' ? 2 : 1;
        }
        return soql.substring(start + 1, Math.min(end, soql.length()));
    }
}
