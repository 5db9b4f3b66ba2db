package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** String escapes, LIKE patterns and null comparisons in Bulk query jobs over raw HTTP. */
class SoqlLiteralsHttpTest extends OrgHttpTest {

    @Override
    void seed() throws Exception {
        org.insert("Account", "Name\n100% Sure\n100 Percent\na_b\naxb\nback\\slash\nO'Brien\n\"say \"\"hi\"\"\"\n"
                + "\"Tab\there\"\n\"line1\nline2\"\ncafé\n");
        List<String> contacts = org.insert("Contact", "LastName,Birthdate\nBorn,1990-04-01\nUnborn,\n");
        org.insert("Case", "Subject,IsEscalated,ContactId\nA,true," + contacts.get(0) + "\nB,false,\nC,,\nD,#N/A,\n");
    }

    // SOQL and SOSL Reference, "Quoted String Escape Sequences": LIKE expression only, \_ matches one underscore and
    // \% one percent sign; % and _ stay wildcards ("Comparison Operators", LIKE); comparisons are case-insensitive.
    @Test
    void likeEscapesMatchLiteralPercentAndUnderscore() throws Exception {
        assertThat(accountNames("Name LIKE '100\\%%'")).containsExactly("100% Sure");
        assertThat(accountNames("Name LIKE '100%'")).containsExactly("100 Percent", "100% Sure");
        assertThat(accountNames("Name LIKE 'a\\_b'")).containsExactly("a_b");
        assertThat(accountNames("Name LIKE 'a_b'")).containsExactly("axb", "a_b"); // sorted upper-case: X < _
        assertThat(accountNames("Name LIKE 'BACK\\\\S%'")).containsExactly("back\\slash");
        assertThat(accountNames("Name LIKE 'o\\'b%'")).containsExactly("O'Brien");
    }

    // Same page: \n \r \t \b \f in either case, \" \' \\ and \\uXXXX.
    @Test
    void stringEscapesResolveInEveryComparison() throws Exception {
        assertThat(accountNames("Name = 'o\\'brien'")).containsExactly("O'Brien");
        assertThat(accountNames("Name = 'say \\\"hi\\\"'")).containsExactly("say \"hi\"");
        assertThat(accountNames("Name = 'Tab\\there'")).containsExactly("Tab\there");
        assertThat(accountNames("Name = 'Tab\\There'")).containsExactly("Tab\there");
        assertThat(accountNames("Name IN ('line1\\nline2', 'line1\\Nline2')")).containsExactly("line1\nline2");
        assertThat(accountNames("Name = 'caf\\u00e9'")).containsExactly("café");
        assertThat(accountNames("Name = 'back\\\\slash'")).containsExactly("back\\slash");
    }

    // Same page: "If you use a backslash character in any other context, an error occurs." The documentation gives no
    // error text; the wording is the local org's.
    @Test
    void refusesABackslashThatStartsNoEscapeSequence() throws Exception {
        org.assertRefused("SELECT Id FROM Account WHERE Name = 'a\\qb'", "MALFORMED_QUERY",
                "Illegal character sequence '\\q' in string literal.");
        org.assertRefused("SELECT Id FROM Account WHERE Name = '100\\%'", "MALFORMED_QUERY",
                "\\% is only valid in a LIKE pattern");
        org.assertRefused("SELECT Id FROM Account WHERE Name = 'x\\u12'", "MALFORMED_QUERY",
                "Illegal character sequence '\\u'");
    }

    // SOQL and SOSL Reference, "Use null in WHERE": on a boolean field null matches false, so "= null" is "= false"
    // and "!= null" is "= true"; a checkbox that was never set or was cleared with #N/A reads false.
    @Test
    void checkboxesAreNeverNull() throws Exception {
        assertThat(org.column("SELECT Subject FROM Case WHERE IsEscalated = null ORDER BY Subject"))
                .containsExactly("B", "C", "D");
        assertThat(org.column("SELECT Subject FROM Case WHERE IsEscalated != null")).containsExactly("A");
        assertThat(org.column("SELECT Subject FROM Case WHERE IsEscalated = false ORDER BY Subject"))
                .containsExactly("B", "C", "D");
        assertThat(org.column("SELECT Subject FROM Case WHERE IsEscalated != true ORDER BY Subject"))
                .containsExactly("B", "C", "D");
        assertThat(org.rows("SELECT Subject, IsEscalated FROM Case ORDER BY Subject")).containsExactly(
                List.of("Subject", "IsEscalated"), List.of("A", "true"), List.of("B", "false"),
                List.of("C", "false"), List.of("D", "false"));
    }

    // Same page: "!= null" finds set values; a condition on a parent field is true for "= null" when there is no
    // parent ("the record is returned even if the parent does not exist").
    @Test
    void nullComparesOtherTypesAndMissingParents() throws Exception {
        assertThat(org.column("SELECT LastName FROM Contact WHERE Birthdate != null")).containsExactly("Born");
        assertThat(org.column("SELECT LastName FROM Contact WHERE Birthdate = null")).containsExactly("Unborn");
        assertThat(org.column("SELECT Subject FROM Case WHERE Contact.LastName = null ORDER BY Subject"))
                .containsExactly("B", "C", "D");
        assertThat(org.column("SELECT Subject FROM Case WHERE Contact.Birthdate != null")).containsExactly("A");
    }
}
