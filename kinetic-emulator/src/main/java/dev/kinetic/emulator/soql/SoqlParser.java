package dev.kinetic.emulator.soql;

import io.github.apexdevtools.apexparser.ApexLexer;
import io.github.apexdevtools.apexparser.ApexParser;
import io.github.apexdevtools.apexparser.CaseInsensitiveInputStream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Parses a standalone SOQL query with apex-parser's grammar. The first syntax error (lexer or parser) becomes a
 * {@code MALFORMED_QUERY} {@link SoqlException} worded as Salesforce words it ({@code unexpected token: 'FORM'}), and
 * text after a complete query is refused rather than silently ignored. String escapes are checked first
 * ({@link SoqlStrings}). Stateless and thread-safe.
 */
final class SoqlParser {
    private SoqlParser() {
    }

    /**
     * Parses the query.
     *
     * @throws SoqlException {@code MALFORMED_QUERY} at the first syntax error or at trailing text
     */
    static ApexParser.QueryContext parse(String soql, SoqlErrors errors) throws SoqlException {
        ThrowingListener listener = new ThrowingListener(errors);
        ApexLexer lexer = new ApexLexer(new CaseInsensitiveInputStream(CharStreams.fromString(
                SoqlStrings.lexable(soql, errors))));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        ApexParser parser = new ApexParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        try {
            ApexParser.QueryContext query = parser.query();
            Token next = tokens.LT(1);
            if (next.getType() != Token.EOF) {
                throw errors.at(SoqlErrors.MALFORMED_QUERY, next, unexpected(next));
            }
            return query;
        } catch (SyntaxError e) {
            throw e.error;
        }
    }

    static String unexpected(Token token) {
        return token.getType() == Token.EOF ? "unexpected token: <EOF>"
                : "unexpected token: '" + token.getText() + "'";
    }

    // Carries the SoqlException out of ANTLR's recognizer, which only lets unchecked exceptions through.
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SoqlException error;

        SyntaxError(SoqlException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    private static final class ThrowingListener extends BaseErrorListener {
        private final SoqlErrors errors;

        ThrowingListener(SoqlErrors errors) {
            this.errors = errors;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                int charPositionInLine, String msg, RecognitionException e) {
            String message;
            if (offendingSymbol instanceof Token token) {
                message = unexpected(token);
            } else {
                String text = errors.line(line);
                String character = charPositionInLine < text.length()
                        ? String.valueOf(text.charAt(charPositionInLine)) : "<EOF>";
                message = "no viable alternative at character '" + character + "'";
            }
            throw new SyntaxError(errors.at(SoqlErrors.MALFORMED_QUERY, line, charPositionInLine + 1, message));
        }
    }
}
