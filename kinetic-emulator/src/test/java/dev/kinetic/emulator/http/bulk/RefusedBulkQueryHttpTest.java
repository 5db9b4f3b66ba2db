package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SOQL that Bulk API 2.0 query does not run, refused over raw HTTP when the job is created.
 *
 * <p>Follows the Bulk API 2.0 and Bulk API Developer Guide, "Understanding Bulk API 2.0 Query", section "SOQL
 * Considerations": no GROUP BY, OFFSET or TYPEOF clauses, no aggregate functions such as COUNT(), no date functions
 * in GROUP BY (date functions in WHERE are supported), no compound address or geolocation fields, no parent-to-child
 * relationship queries (child-to-parent are supported). The guide gives no error codes or texts. Two messages are
 * Salesforce's as clients quote them ("Aggregate Relationships not supported in Bulk V2 Query with CSV content
 * type.", "Selecting compound data not supported in Bulk Query", the latter under FUNCTIONALITY_NOT_ENABLED in Bulk
 * API 1.0); the code FUNCTIONALITY_NOT_ENABLED for the rest and the other messages are the local org's. Salesforce
 * checks the SOQL when the job is created (400, no job made); the local org does the same.
 */
class RefusedBulkQueryHttpTest extends OrgHttpTest {
    private static final String AGGREGATES = "Aggregate queries are not supported by Bulk API 2.0 query";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT Industry FROM Account GROUP BY Industry|" + AGGREGATES,
        "SELECT COUNT() FROM Account|" + AGGREGATES,
        "SELECT COUNT(Id) FROM Account|" + AGGREGATES,
        "SELECT MAX(CreatedDate) FROM Account|" + AGGREGATES,
        "SELECT CALENDAR_YEAR(CreatedDate) FROM Account GROUP BY CALENDAR_YEAR(CreatedDate)|" + AGGREGATES,
        "SELECT Id FROM Account ORDER BY Name OFFSET 5|OFFSET is not supported by Bulk API 2.0 query",
        "SELECT TYPEOF Owner WHEN User THEN Email END FROM Case|TYPEOF is not supported by Bulk API 2.0 query.",
        "SELECT BillingAddress FROM Account|Selecting compound data not supported in Bulk Query",
        "SELECT Id, (SELECT LastName FROM Contacts) FROM Account|Aggregate Relationships not supported in Bulk V2"
            + " Query with CSV content type.",
        "SELECT Id FROM Account FOR VIEW|FOR VIEW, FOR REFERENCE and FOR UPDATE are not supported",
        "SELECT Id FROM Account FOR UPDATE|FOR VIEW, FOR REFERENCE and FOR UPDATE are not supported",
    })
    void refusesWhatTheGuideListsWhenTheJobIsCreated(String soql, String message) throws Exception {
        int before = jobCount();
        org.assertRefused(soql, "FUNCTIONALITY_NOT_ENABLED", message);
        assertThat(jobCount()).as("a refused query makes no job").isEqualTo(before);
    }

    @Test
    void runsWhatTheGuideAllows() throws Exception {
        org.insert("Contact", "LastName\nDoe\n");
        assertThat(org.column("SELECT LastName FROM Contact WHERE CALENDAR_YEAR(CreatedDate) > 2000"
                + " AND Account.Name = null")).containsExactly("Doe");
    }

    private int jobCount() throws Exception {
        return org.s.json(org.s.send("GET", BulkServer.V + "/jobs/query", null)).get("records").size();
    }
}
