package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Semi-joins and anti-joins in Bulk query jobs over raw HTTP.
 *
 * <p>Follows the SOQL and SOSL Reference, "Comparison Operators", sections "Semi-Joins with IN and Anti-Joins with NOT
 * IN" (ID field semi-join, ID field anti-join, reference field semi-join and anti-join, multiple semi-joins) and
 * "Semi-Join and Anti-Join Considerations" (no more than two IN or NOT IN subqueries per WHERE, no NOT as a
 * conjunction, the left operand a single Id or reference field without relationships, the subquery selecting one
 * Id or reference field of another object, no nesting, no OR, no COUNT, FOR UPDATE, ORDER BY or LIMIT in it). The
 * considerations' full text was read through a copy of the page (the stored official page gave only the operator
 * table). Two messages are Salesforce's as users quote them ("Semi join sub-selects are not allowed with the 'OR'
 * operator"; "… only allowed at the top level WHERE expressions and not in nested WHERE expressions."); the
 * documentation gives no error texts, so the wording of the other refusals is the local org's.
 */
class SemiJoinHttpTest extends OrgHttpTest {

    @Override
    void seed() throws Exception {
        List<String> accounts = org.insert("Account", "Name\nAlpha\nBeta\nGamma\n");
        org.insert("Contact", "LastName,AccountId\nApple," + accounts.get(0) + "\nBanana," + accounts.get(1)
                + "\nCherry,\n");
        org.insert("Opportunity", "Name,StageName,CloseDate,AccountId\nWon,Closed Won,2024-05-01," + accounts.get(0)
                + "\nOpen,Prospecting,2024-06-01," + accounts.get(2) + "\n");
    }

    @Test
    void idSemiJoinKeepsParentsWithAMatchingChild() throws Exception {
        assertThat(org.column("SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact) ORDER BY Name"))
                .containsExactly("Alpha", "Beta");
        assertThat(org.column("SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact"
                + " WHERE LastName LIKE 'app%')")).containsExactly("Alpha");
    }

    @Test
    void idAntiJoinKeepsParentsWithoutOneAndIsNotEmptiedByNullChildren() throws Exception {
        // Cherry has no account: a null in the subquery must not make NOT IN match nothing (as SQL's would).
        assertThat(org.column("SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact)"))
                .containsExactly("Gamma");
    }

    @Test
    void twoSemiJoinsCombineWithAnd() throws Exception {
        assertThat(org.column("SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact)"
                + " AND Id IN (SELECT AccountId FROM Opportunity WHERE StageName = 'Closed Won')"))
                .containsExactly("Alpha");
        assertThat(org.column("SELECT Name FROM Account WHERE Name != 'Beta' AND Id NOT IN (SELECT AccountId FROM"
                + " Contact) AND Id IN (SELECT AccountId FROM Opportunity)")).containsExactly("Gamma");
    }

    @Test
    void referenceFieldSemiJoinsGoChildToChildAndChildToParent() throws Exception {
        assertThat(org.column("SELECT LastName FROM Contact WHERE AccountId IN (SELECT AccountId FROM Opportunity)"))
                .containsExactly("Apple");
        // NOT IN keeps a null reference, as NOT IN with a list of values does in the local org.
        assertThat(org.column("SELECT LastName FROM Contact WHERE AccountId NOT IN (SELECT AccountId FROM"
                + " Opportunity) ORDER BY LastName")).containsExactly("Banana", "Cherry");
        assertThat(org.column("SELECT Name FROM Opportunity WHERE AccountId IN (SELECT Id FROM Account WHERE Name ="
                + " 'Gamma')")).containsExactly("Open");
    }

    @Test
    void refusesMoreThanTwoSemiJoins() throws Exception {
        org.assertRefused("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact) AND Id IN (SELECT"
                + " AccountId FROM Opportunity) AND Id NOT IN (SELECT AccountId FROM Case)", "MALFORMED_QUERY",
                "at most 2 semi join or anti join sub-selects");
    }

    @Test
    void refusesSemiJoinsWithOrNotOrInsideParentheses() throws Exception {
        org.assertRefused("SELECT Id FROM Account WHERE Name = 'Alpha' OR Id IN (SELECT AccountId FROM Contact)",
                "MALFORMED_QUERY", "Semi join sub-selects are not allowed with the 'OR' operator");
        org.assertRefused("SELECT Id FROM Account WHERE Name != null AND (Name = 'Alpha' OR Id IN (SELECT AccountId"
                + " FROM Contact))", "MALFORMED_QUERY", "Semi join sub-selects are only allowed at the top level"
                + " WHERE expressions and not in nested WHERE expressions.");
        org.assertRefused("SELECT Id FROM Account WHERE NOT Id IN (SELECT AccountId FROM Contact)",
                "MALFORMED_QUERY", "only allowed at the top level WHERE expressions");
    }

    @Test
    void refusesNestedSemiJoins() throws Exception {
        org.assertRefused("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Id IN (SELECT"
                + " ContactId FROM Case))", "MALFORMED_QUERY", "Nesting of semi join sub-selects is not supported");
    }

    @Test
    void refusesSubqueriesThatDoNotSelectOneKeyFieldOfAnotherObject() throws Exception {
        org.assertRefused("SELECT Id FROM Account WHERE Id IN (SELECT AccountId, LastName FROM Contact)",
                "MALFORMED_QUERY", "selects exactly one Id or reference field");
        org.assertRefused("SELECT Id FROM Account WHERE Id IN (SELECT LastName FROM Contact)",
                "MALFORMED_QUERY", "must select an Id or reference field of Contact");
        org.assertRefused("SELECT Id FROM Account WHERE Id IN (SELECT Account.ParentId FROM Contact)",
                "MALFORMED_QUERY", "without a relationship path");
        org.assertRefused("SELECT Id FROM Account WHERE Id IN (SELECT ParentId FROM Account)",
                "MALFORMED_QUERY", "The inner and outer selects should not be on the same object type");
        org.assertRefused("SELECT Id FROM Account WHERE Id IN (SELECT ReportsToId FROM Contact)",
                "MALFORMED_QUERY", "The sub-select's Contact.ReportsToId and the left operand Id do not identify the"
                        + " same object.");
        org.assertRefused("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact ORDER BY LastName)",
                "MALFORMED_QUERY", "ORDER BY, LIMIT and FOR clauses are not supported");
        org.assertRefused("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact LIMIT 5)",
                "MALFORMED_QUERY", "ORDER BY, LIMIT and FOR clauses are not supported");
        org.assertRefused("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Nope__c)",
                "INVALID_TYPE", "sObject type 'Nope__c' is not supported");
    }

    @Test
    void refusesALeftOperandThatIsNotADirectKeyField() throws Exception {
        org.assertRefused("SELECT Id FROM Contact WHERE Account.Id IN (SELECT AccountId FROM Opportunity)",
                "MALFORMED_QUERY", "must be an Id or reference field of Contact, without a relationship path");
        org.assertRefused("SELECT Id FROM Account WHERE Name IN (SELECT AccountId FROM Contact)",
                "MALFORMED_QUERY", "must be an Id or reference field of Account");
    }
}
