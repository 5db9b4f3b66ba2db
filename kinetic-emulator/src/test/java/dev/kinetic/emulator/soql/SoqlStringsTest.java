package dev.kinetic.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

class SoqlStringsTest {
    private static Token literal(String soql, String text) {
        CommonToken token = new CommonToken(0, text);
        int start = soql.indexOf(text);
        token.setStartIndex(start);
        token.setStopIndex(start + text.length() - 1);
        token.setLine(1);
        token.setCharPositionInLine(start);
        return token;
    }

    @Test
    void masksLikeEscapesWithoutMovingAnyPosition() throws Exception {
        String soql = "SELECT Id FROM A WHERE Name LIKE 'a\\%b\\_c' AND X = 'it\\'s'";
        String lexable = SoqlStrings.lexable(soql, new SoqlErrors(soql));
        assertThat(lexable).hasSameSizeAs(soql).contains("'a\\\\b\\\\c'").contains("'it\\'s'");
    }

    @Test
    void resolvesEscapesAndBuildsLikePatterns() throws Exception {
        String soql = "x = 'T\\tab\\N\\u00e9\\\\ 5\\%_'";
        SoqlErrors errors = new SoqlErrors(soql);
        Token token = literal(soql, "'T\\tab\\N\\u00e9\\\\ 5\\%_'");
        assertThat(SoqlStrings.likePattern(token, errors)).isEqualTo("T\tab\né\\\\ 5\\%_");
        Token plain = literal(soql, "'T\\tab\\N\\u00e9\\\\ 5\\%_'");
        assertThat(catchThrowableOfType(SoqlException.class, () -> SoqlStrings.value(plain, errors)).getMessage())
                .contains("Illegal character sequence '\\%' in string literal");
    }

    @Test
    void refusesABackslashBeforeAnythingElseAtItsPosition() {
        String soql = "SELECT Id FROM A\nWHERE Name = 'ab\\qc'";
        SoqlException e = catchThrowableOfType(SoqlException.class,
                () -> SoqlStrings.lexable(soql, new SoqlErrors(soql)));
        assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(e.getMessage()).contains("ERROR at Row:2:Column:17")
                .endsWith("Invalid string literal 'ab\\qc'. Illegal character sequence '\\q' in string literal.");
    }
}
