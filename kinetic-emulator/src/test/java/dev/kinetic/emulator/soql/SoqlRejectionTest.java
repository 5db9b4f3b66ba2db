package dev.kinetic.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refused query, with its error code and message. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoqlRejectionTest {
    private static final String NO_SUCH_COLUMN_TAIL = "If you are attempting to use a custom field, be sure to"
            + " append the '__c' after the custom field name. Please reference your WSDL or the describe call for the"
            + " appropriate names.";
    private static final String AGGREGATES = "Aggregate queries are not supported by Bulk API 2.0 query: remove"
            + " COUNT(), COUNT_DISTINCT(), SUM(), AVG(), MIN(), MAX(), date functions, GROUP BY and HAVING.";

    private SoqlFixture org;

    @BeforeAll
    void open() {
        org = new SoqlFixture();
    }

    @AfterAll
    void close() {
        org.close();
    }

    private void assertRejected(String soql, String errorCode, String message) {
        SoqlException e = org.rejection(soql);
        assertThat(e.errorCode()).as(soql).isEqualTo(errorCode);
        assertThat(e.getMessage()).as(soql).isEqualTo(message);
    }

    private void assertRejectedEndingWith(String soql, String errorCode, String messageEnd) {
        SoqlException e = org.rejection(soql);
        assertThat(e.errorCode()).as(soql).isEqualTo(errorCode);
        assertThat(e.getMessage()).as(soql).endsWith(messageEnd);
    }

    @Test
    void syntaxErrorsAreMalformedQueriesPointingAtTheToken() {
        assertRejected("SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'", "MALFORMED_QUERY",
                "\nSELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'\n"
                        + "                                                       ^\n"
                        + "ERROR at Row:1:Column:56\nunexpected token: 'OR'");
        assertRejectedEndingWith("SELECT Id FROM", "MALFORMED_QUERY", "unexpected token: <EOF>");
        assertRejectedEndingWith("SELECT Id FORM Account", "MALFORMED_QUERY", "unexpected token: 'Account'");
        assertRejectedEndingWith("SELECT Id, FROM Account", "MALFORMED_QUERY", "unexpected token: <EOF>");
        assertRejectedEndingWith("SELECT Id FROM Account WHERE Name = \"x\"", "MALFORMED_QUERY",
                "ERROR at Row:1:Column:37\nno viable alternative at character '\"'");
    }

    @Test
    void trailingTextAfterACompleteQueryIsRefused() {
        assertRejected("SELECT Id FROM Account LIMIT 5 garbage", "MALFORMED_QUERY",
                "\nSELECT Id FROM Account LIMIT 5 garbage\n                               ^\n"
                        + "ERROR at Row:1:Column:32\nunexpected token: 'garbage'");
        assertRejectedEndingWith("SELECT Id FROM Account WHERE Name = 'x' ORDER BY Name ) ", "MALFORMED_QUERY",
                "unexpected token: ')'");
    }

    @Test
    void aDanglingKeywordIsNotTakenForAnAlias() {
        assertRejectedEndingWith("SELECT Id FROM Account WHERE", "MALFORMED_QUERY", "unexpected token: <EOF>");
        assertRejectedEndingWith("SELECT Id FROM Account WHERE ", "MALFORMED_QUERY", "unexpected token: <EOF>");
        assertRejectedEndingWith("SELECT Id FROM Account LIMIT", "MALFORMED_QUERY", "unexpected token: <EOF>");
    }

    @Test
    void unknownFieldsUseSalesforcesTextAndPosition() {
        assertRejected("SELECT Id, Foo FROM Account", "INVALID_FIELD", "\nSELECT Id, Foo FROM Account\n"
                + "           ^\nERROR at Row:1:Column:12\nNo such column 'Foo' on entity 'Account'. "
                + NO_SUCH_COLUMN_TAIL);
        assertRejected("SELECT Id,\n  Account.Foo\nFROM Contact", "INVALID_FIELD", "\n  Account.Foo\n  ^\n"
                + "ERROR at Row:2:Column:3\nNo such column 'Foo' on entity 'Account'. " + NO_SUCH_COLUMN_TAIL);
        assertRejectedEndingWith("SELECT Id FROM Account WHERE Bar__c = 'x'", "INVALID_FIELD",
                "No such column 'Bar__c' on entity 'Account'. " + NO_SUCH_COLUMN_TAIL);
        assertRejectedEndingWith("SELECT Id FROM Account ORDER BY Baz", "INVALID_FIELD",
                "No such column 'Baz' on entity 'Account'. " + NO_SUCH_COLUMN_TAIL);
    }

    @Test
    void longQueryLinesAreShownAsAWindowAroundThePosition() {
        String soql = "SELECT Name, Phone, Fax, Website, Industry, Type, Site, AccountNumber, Sic, TickerSymbol,"
                + " Ownership, Rating, Description, Foo FROM Account";
        String[] lines = org.rejection(soql).getMessage().split("\n", -1);
        assertThat(lines[1]).hasSize(100).endsWith("Foo FROM Account");
        assertThat(lines[2]).isEqualTo(" ".repeat(lines[1].indexOf("Foo")) + "^");
        assertThat(lines[3]).isEqualTo("ERROR at Row:1:Column:" + (soql.indexOf("Foo") + 1));
    }

    @Test
    void unknownRelationshipsAndObjectsAreNamed() {
        assertRejectedEndingWith("SELECT Foo.Name FROM Contact", "INVALID_FIELD", "Didn't understand relationship"
                + " 'Foo' in field path. If you are attempting to use a custom relationship, be sure to append the"
                + " '__r' after the custom relationship name. Please reference your WSDL or the describe call for the"
                + " appropriate names.");
        assertRejectedEndingWith("SELECT RecordType.Name FROM Account", "INVALID_FIELD", "Relationship 'RecordType'"
                + " of Account points to RecordType, which the local org's schema does not have. Load that object's"
                + " describe JSON into the local org to query it.");
        assertRejected("SELECT Id FROM Foo", "INVALID_TYPE", "\nSELECT Id FROM Foo\n               ^\n"
                + "ERROR at Row:1:Column:16\nsObject type 'Foo' is not supported. If you are attempting to use a"
                + " custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or"
                + " the describe call for the appropriate names.");
    }

    @Test
    void compoundFieldsCannotBeSelected() {
        assertRejected("SELECT Id, BillingAddress FROM Account", "FUNCTIONALITY_NOT_ENABLED",
                "Selecting compound data not supported in Bulk Query");
        assertRejected("SELECT Spot__c FROM Widget__c", "FUNCTIONALITY_NOT_ENABLED",
                "Selecting compound data not supported in Bulk Query");
    }

    @Test
    void duplicateFieldsAreRefused() {
        assertRejectedEndingWith("SELECT Id, Name, id FROM Account", "MALFORMED_QUERY",
                "duplicate field selected: id");
        assertRejectedEndingWith("SELECT Owner.Email, owner.EMAIL FROM Account", "MALFORMED_QUERY",
                "duplicate field selected: owner.EMAIL");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "AnnualRevenue = '5'|value of filter criterion for field 'AnnualRevenue' must be of type double and should"
            + " not be enclosed in quotes",
        "NumberOfEmployees > 'x'|value of filter criterion for field 'NumberOfEmployees' must be of type integer and"
            + " should not be enclosed in quotes",
        "Name = 5|value of filter criterion for field 'Name' must be of type string and should be enclosed in"
            + " quotes",
        "CreatedDate > 2024-01-01|value of filter criterion for field 'CreatedDate' must be of type dateTime and"
            + " should not be enclosed in quotes",
        "LastActivityDate = 2024-01-01T00:00:00Z|value of filter criterion for field 'LastActivityDate' must be of"
            + " type date and should not be enclosed in quotes",
        "IsDeleted = 'true'|value of filter criterion for field 'IsDeleted' must be of type boolean and should not"
            + " be enclosed in quotes",
        "OwnerId = 5|value of filter criterion for field 'OwnerId' must be of type id and should be enclosed in"
            + " quotes",
        "Description = 'x'|field 'Description' can not be filtered in a query call",
    })
    void literalsMustMatchTheFieldType(String condition, String message) {
        assertRejectedEndingWith("SELECT Id FROM Account WHERE " + condition, "INVALID_FIELD", message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Id = 'abc'|invalid ID field: abc",
        "ParentId IN ('001000000000001AAA', '001000000000001XYZ')|invalid ID field: 001000000000001XYZ",
        "AnnualRevenue LIKE '5%'|LIKE is only valid on text fields; field 'AnnualRevenue' is of type currency",
        "Name INCLUDES ('a')|includes or excludes operator only valid on multipicklist field",
        "AnnualRevenue > null|null can only be compared with = or != (field 'AnnualRevenue')",
        "IsDeleted < true|operator < is not valid for boolean field 'IsDeleted'; use = or !=",
    })
    void operatorsAndIdsAreChecked(String condition, String message) {
        assertRejectedEndingWith("SELECT Id FROM Account WHERE " + condition, "INVALID_QUERY_FILTER_OPERATOR",
                message);
    }

    @Test
    void longTextAndMultipicklistsCannotBeSorted() {
        assertRejectedEndingWith("SELECT Id FROM Account ORDER BY Description", "INVALID_FIELD",
                "field 'Description' can not be sorted in a query call");
        assertRejectedEndingWith("SELECT Id FROM Widget__c ORDER BY Colors__c", "INVALID_FIELD",
                "field 'Colors__c' can not be sorted in a query call");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT COUNT() FROM Account",
        "SELECT SUM(AnnualRevenue) FROM Account",
        "SELECT Industry FROM Account GROUP BY Industry",
        "SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry HAVING COUNT(Id) > 1",
        "SELECT CALENDAR_YEAR(CreatedDate) FROM Account",
        "SELECT Id FROM Account ORDER BY MAX(Name)",
    })
    void aggregatesAndGroupingAreRefused(String soql) {
        assertRejected(soql, "FUNCTIONALITY_NOT_ENABLED", AGGREGATES);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT Id FROM Account LIMIT 10 OFFSET 5|OFFSET is not supported by Bulk API 2.0 query; results are paged"
            + " with the locator.",
        "SELECT TYPEOF Owner WHEN User THEN Email END FROM Account|TYPEOF is not supported by Bulk API 2.0 query.",
        "SELECT Id, (SELECT Id FROM Contacts) FROM Account|Aggregate Relationships not supported in Bulk V2 Query"
            + " with CSV content type.",
        "SELECT FIELDS(STANDARD) FROM Account|FIELDS(STANDARD) is not supported by the local org; list the fields"
            + " to export.",
        "SELECT Id FROM Account FOR VIEW|FOR VIEW, FOR REFERENCE and FOR UPDATE are not supported by Bulk API 2.0"
            + " query.",
        "SELECT Id FROM Account FOR UPDATE|FOR VIEW, FOR REFERENCE and FOR UPDATE are not supported by Bulk API 2.0"
            + " query.",
        "SELECT Id FROM Account WITH SECURITY_ENFORCED|WITH clauses (WITH SECURITY_ENFORCED, WITH USER_MODE, WITH"
            + " DATA CATEGORY, ...) are not supported by the local org.",
        "SELECT Id FROM Account USING SCOPE Mine|USING SCOPE is not supported by the local org.",
        "SELECT Id FROM Account ALL ROWS|ALL ROWS is not supported in Bulk API 2.0 query; create a queryAll job to"
            + " include deleted records.",
        "SELECT toLabel(Industry) FROM Account|TOLABEL() is not supported by the local org; select the field"
            + " itself.",
        "SELECT Id FROM Account WHERE AnnualRevenue > USD5000|Currency literals such as USD5000 are not supported by"
            + " the local org (it has a single currency); write the plain number.",
    })
    void unsupportedClausesSaySo(String soql, String message) {
        assertRejected(soql, "FUNCTIONALITY_NOT_ENABLED", message);
    }

    @Test
    void nonDateFunctionsInWhereAreRefused() {
        assertRejectedEndingWith("SELECT Id FROM Account WHERE toLabel(Industry) = 'x'",
                "FUNCTIONALITY_NOT_ENABLED", "Functions in WHERE such as toLabel(Industry) are not supported by the"
                        + " local org; compare the field itself.");
        assertRejected("SELECT Id FROM Account WHERE COUNT(Id) > 1", "FUNCTIONALITY_NOT_ENABLED", AGGREGATES);
        assertRejectedEndingWith("SELECT Id FROM Account WHERE CALENDAR_YEAR(Name) = 2024", "INVALID_FIELD",
                "Date function CALENDAR_YEAR() needs a date or dateTime field; 'Name' is of type string");
        assertRejectedEndingWith("SELECT Id FROM Account WHERE HOUR_IN_DAY(LastActivityDate) = 2", "INVALID_FIELD",
                "Date function HOUR_IN_DAY() needs a dateTime field; 'LastActivityDate' is of type date");
        assertRejectedEndingWith("SELECT Id FROM Contact c, c.Account a", "FUNCTIONALITY_NOT_ENABLED",
                "Several objects in FROM are not supported by the local org; query Contact alone.");
    }

    @Test
    void unboundedFieldsFunctionIsRefusedAsSalesforceDoes() {
        assertRejectedEndingWith("SELECT FIELDS(ALL) FROM Account", "MALFORMED_QUERY",
                "The SOQL FIELDS function is not supported with an unbounded set of fields in this API.");
        assertRejectedEndingWith("SELECT FIELDS(CUSTOM) FROM Account", "MALFORMED_QUERY",
                "The SOQL FIELDS function is not supported with an unbounded set of fields in this API.");
    }

    @Test
    void aliasesBindVariablesAndMisplacedListsAreMalformed() {
        assertRejectedEndingWith("SELECT Name n FROM Account", "MALFORMED_QUERY", "unexpected token: 'n'");
        assertRejectedEndingWith("SELECT Id FROM Account WHERE Name = :name", "MALFORMED_QUERY",
                "unexpected token: ':' (bind variables exist only in Apex; write the value into the query)");
        assertRejectedEndingWith("SELECT Id FROM Account WHERE Name IN 'x'", "MALFORMED_QUERY",
                "unexpected token: ''x''");
        assertRejectedEndingWith("SELECT Id FROM Account WHERE Name = ('x')", "MALFORMED_QUERY",
                "unexpected token: '('");
    }
}
