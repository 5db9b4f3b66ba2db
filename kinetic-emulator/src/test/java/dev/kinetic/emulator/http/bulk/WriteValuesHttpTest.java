package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Date, dateTime and number cells of Bulk ingest jobs over raw HTTP: what is stored, and each refused row's
 * {@code sf__Error} in failedResults.
 *
 * <p>Formats follow the Bulk API 2.0 and Bulk API Developer Guide, "Valid Date Format in Records" (dateTime
 * {@code yyyy-MM-ddTHH:mm:ss.SSS+/-HH:mm} or {@code …Z}, milliseconds optional, "2002-10-10T12:00:00+05:00 is
 * 2002-10-10T07:00:00Z"; date {@code yyyy-MM-dd}, "Specifying an offset for date is not supported"). The guide
 * gives no error texts. The date error is the one Salesforce's Bulk API writes as a user quotes it (SFDO-Tooling/
 * Snowfakery issue 793: "INVALID_FIELD:Failed to deserialize field at col 0. Due to, '2018-09-28' is not a valid
 * value for the type xsd:dateTime:CreatedDate --", which also shows a bare date refused in a dateTime field); the
 * out-of-range text is Salesforce's as an Apex user quotes it ("NUMBER_OUTSIDE_VALID_RANGE, Completed Action: value
 * outside of valid range on numeric field: 10.0"); INVALID_TYPE_ON_FIELD_IN_RECORD for numbers is the shared
 * protocol notes' field capture. Number lexical forms follow XML Schema's decimal and double; precision and scale are
 * the describe's (Object Reference, field types: currency and percent carry precision and scale).
 */
class WriteValuesHttpTest extends OrgHttpTest {

    private static String deserialize(String value, int column, String type, String field) {
        return "INVALID_FIELD:Failed to deserialize field at col " + column + ". Due to, '" + value
                + "' is not a valid value for the type xsd:" + type + ":" + field + " --";
    }

    @Test
    void storesDatesAndDateTimesInTheDocumentedFormsInUtc() throws Exception {
        JsonNode job = org.ingest("Contact", "insert", "LastName,Birthdate,EmailBouncedDate\n"
                + "A,2024-02-29,2024-02-29T23:59:59.999Z\n"
                + "B,1940-06-07Z,2002-10-10T12:00:00+05:00\n"
                + "C,,2002-10-10T00:00:00-0500\n"
                + "D,,2024-01-02T03:04:05\n");
        assertThat(job.get("numberRecordsFailed").asInt()).as(org.failedResults(job)).isZero();
        assertThat(org.rows("SELECT LastName, Birthdate, EmailBouncedDate FROM Contact WHERE LastName IN"
                + " ('A', 'B', 'C', 'D') ORDER BY LastName")).containsExactly(
                List.of("LastName", "Birthdate", "EmailBouncedDate"),
                List.of("A", "2024-02-29", "2024-02-29T23:59:59.999Z"),
                List.of("B", "1940-06-07", "2002-10-10T07:00:00.000Z"),
                List.of("C", "", "2002-10-10T05:00:00.000Z"),
                List.of("D", "", "2024-01-02T03:04:05.000Z"));
    }

    @Test
    void refusesOtherDateFormsAndDaysThatDoNotExist() throws Exception {
        JsonNode job = org.ingest("Contact", "insert", "LastName,Birthdate,EmailBouncedDate\n"
                + "E,2024-02-30,\nF,10000-01-01,\nG,2024-1-2,\nH,01/02/2024,\nI,2024-01-02+05:00,\n"
                + "J,,2024-02-30T10:00:00Z\nK,,2024-01-02\nL,,2024-01-02T10:00Z\nM,,2024-01-02 10:00:00\n"
                + "N,,2024-01-02T24:00:00Z\n");
        assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(10);
        assertThat(org.errorsBy(job, "LastName")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "E", deserialize("2024-02-30", 1, "date", "Birthdate"),
                "F", deserialize("10000-01-01", 1, "date", "Birthdate"),
                "G", deserialize("2024-1-2", 1, "date", "Birthdate"),
                "H", deserialize("01/02/2024", 1, "date", "Birthdate"),
                "I", deserialize("2024-01-02+05:00", 1, "date", "Birthdate"),
                "J", deserialize("2024-02-30T10:00:00Z", 2, "dateTime", "EmailBouncedDate"),
                "K", deserialize("2024-01-02", 2, "dateTime", "EmailBouncedDate"),
                "L", deserialize("2024-01-02T10:00Z", 2, "dateTime", "EmailBouncedDate"),
                "M", deserialize("2024-01-02 10:00:00", 2, "dateTime", "EmailBouncedDate"),
                "N", deserialize("2024-01-02T24:00:00Z", 2, "dateTime", "EmailBouncedDate")));
        assertThat(org.column("SELECT LastName FROM Contact WHERE LastName IN ('E', 'J', 'N')")).isEmpty();
    }

    @Test
    void storesNumbersWithSignsPointsAndExponents() throws Exception {
        JsonNode job = org.ingest("Opportunity", "insert",
                "Name,StageName,CloseDate,Amount,Probability,TotalOpportunityQuantity\n"
                        + "n1,Prospecting,2024-05-01,+1234.5,100,1.5e2\n"
                        + "n2,Prospecting,2024-05-01,-0.25,0,.5\n"
                        + "n3,Prospecting,2024-05-01,999999999999999,999,1E-2\n");
        assertThat(job.get("numberRecordsFailed").asInt()).as(org.failedResults(job)).isZero();
        assertThat(org.rows("SELECT Name, Amount, Probability, TotalOpportunityQuantity FROM Opportunity"
                + " WHERE Name LIKE 'n%' ORDER BY Name")).containsExactly(
                List.of("Name", "Amount", "Probability", "TotalOpportunityQuantity"),
                List.of("n1", "1234.5", "100", "150"),
                List.of("n2", "-0.25", "0", "0.5"),
                List.of("n3", "999999999999999", "999", "0.01"));
    }

    @Test
    void refusesNonNumbersAndNumbersBeyondPrecision() throws Exception {
        JsonNode job = org.ingest("Opportunity", "insert",
                "Name,StageName,CloseDate,Amount,Probability\n"
                        + "thousands,Prospecting,2024-05-01,\"1,000\",\n"
                        + "word,Prospecting,2024-05-01,abc,\n"
                        + "nan,Prospecting,2024-05-01,NaN,\n"
                        + "hex,Prospecting,2024-05-01,0x10,\n"
                        + "suffix,Prospecting,2024-05-01,12d,\n"
                        + "huge,Prospecting,2024-05-01,1e17,\n"
                        + "percent,Prospecting,2024-05-01,,1000\n");
        assertThat(org.errorsBy(job, "Name")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "thousands", "INVALID_TYPE_ON_FIELD_IN_RECORD:Amount: value not of required type: 1,000:Amount --",
                "word", "INVALID_TYPE_ON_FIELD_IN_RECORD:Amount: value not of required type: abc:Amount --",
                "nan", "INVALID_TYPE_ON_FIELD_IN_RECORD:Amount: value not of required type: NaN:Amount --",
                "hex", "INVALID_TYPE_ON_FIELD_IN_RECORD:Amount: value not of required type: 0x10:Amount --",
                "suffix", "INVALID_TYPE_ON_FIELD_IN_RECORD:Amount: value not of required type: 12d:Amount --",
                "huge", "NUMBER_OUTSIDE_VALID_RANGE:Amount: value outside of valid range on numeric field: 1.0E17"
                        + ":Amount --",
                "percent", "NUMBER_OUTSIDE_VALID_RANGE:Probability (%): value outside of valid range on numeric"
                        + " field: 1000.0:Probability --"));

        JsonNode ints = org.ingest("Account", "insert", "Name,NumberOfEmployees\nplus,+42\nexp,1e3\nfraction,250.0\n"
                + "grouped,\"1,000\"\n");
        assertThat(org.errorsBy(ints, "Name")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "exp", "INVALID_TYPE_ON_FIELD_IN_RECORD:Employees: value not of required type: 1e3"
                        + ":NumberOfEmployees --",
                "fraction", "INVALID_TYPE_ON_FIELD_IN_RECORD:Employees: value not of required type: 250.0"
                        + ":NumberOfEmployees --",
                "grouped", "INVALID_TYPE_ON_FIELD_IN_RECORD:Employees: value not of required type: 1,000"
                        + ":NumberOfEmployees --"));
        assertThat(org.rows("SELECT NumberOfEmployees FROM Account WHERE Name = 'plus'").get(1))
                .containsExactly("42");
    }
}
