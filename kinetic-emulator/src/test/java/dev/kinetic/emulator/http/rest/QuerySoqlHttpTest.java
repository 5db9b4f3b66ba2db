package dev.kinetic.emulator.http.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgHttp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SOQL the REST query accepts beyond Bulk: aggregates with GROUP BY and HAVING, COUNT(), OFFSET. */
class QuerySoqlHttpTest {
    private static final String V = "/services/data/v62.0";
    private static LocalOrg org;
    private static LocalOrgHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        org = LocalOrg.start(LocalOrgConfig.defaults());
        http = LocalOrgHttp.of(org);
        token = org.accessToken();
        HttpResponse<String> r = http.json("POST", "/__emulator/records/Account", "["
                + "{\"Name\":\"Agg-1\",\"Industry\":\"Technology\",\"NumberOfEmployees\":10},"
                + "{\"Name\":\"Agg-2\",\"Industry\":\"Technology\",\"NumberOfEmployees\":20},"
                + "{\"Name\":\"Agg-3\",\"Industry\":\"Technology\",\"NumberOfEmployees\":30},"
                + "{\"Name\":\"Agg-4\",\"Industry\":\"Retail\",\"NumberOfEmployees\":5},"
                + "{\"Name\":\"Agg-5\",\"Industry\":\"Retail\",\"NumberOfEmployees\":7},"
                + "{\"Name\":\"Agg-6\",\"NumberOfEmployees\":1}]");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String agg1 = LocalOrgHttp.parse(r).path("ids").get(0).asText();
        HttpResponse<String> contacts = http.json("POST", "/__emulator/records/Contact", "["
                + "{\"LastName\":\"Zed\",\"AccountId\":\"" + agg1 + "\"},"
                + "{\"LastName\":\"Amy\",\"AccountId\":\"" + agg1 + "\"}]");
        assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    private static HttpResponse<String> query(String soql) {
        return http.get(V + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8), token);
    }

    private static JsonNode ok(String soql) {
        HttpResponse<String> r = query(soql);
        assertThat(r.statusCode()).as(soql + ": " + r.body()).isEqualTo(200);
        return LocalOrgHttp.parse(r);
    }

    private static JsonNode error(String soql) {
        HttpResponse<String> r = query(soql);
        assertThat(r.statusCode()).as(soql + ": " + r.body()).isEqualTo(400);
        return LocalOrgHttp.parse(r).get(0);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void groupByWithHavingKeysResultsByFieldExprNAndAlias() {
        JsonNode result = ok("SELECT Industry, COUNT(Id), SUM(NumberOfEmployees) total FROM Account"
                + " WHERE Name LIKE 'Agg-%' GROUP BY Industry HAVING COUNT(Id) > 1 ORDER BY Industry");
        assertThat(result.path("totalSize").asInt()).isEqualTo(2);
        assertThat(result.path("done").asBoolean()).isTrue();
        JsonNode retail = result.path("records").get(0);
        assertThat(keys(retail)).containsExactly("attributes", "Industry", "expr0", "total");
        assertThat(keys(retail.path("attributes"))).containsExactly("type");
        assertThat(retail.path("attributes").path("type").asText()).isEqualTo("AggregateResult");
        assertThat(retail.path("Industry").asText()).isEqualTo("Retail");
        assertThat(retail.path("expr0").isIntegralNumber()).isTrue();
        assertThat(retail.path("expr0").asInt()).isEqualTo(2);
        assertThat(retail.path("total").isNumber()).isTrue();
        assertThat(retail.path("total").asDouble()).isEqualTo(12.0);
        JsonNode tech = result.path("records").get(1);
        assertThat(tech.path("Industry").asText()).isEqualTo("Technology");
        assertThat(tech.path("expr0").asInt()).isEqualTo(3);
        assertThat(tech.path("total").asDouble()).isEqualTo(60.0);
    }

    @Test
    void aggregatesWithoutGroupByGiveOneResultAndNullGroupsCount() {
        JsonNode one = ok("SELECT MAX(NumberOfEmployees), MIN(Name), AVG(NumberOfEmployees), COUNT_DISTINCT(Industry)"
                + " FROM Account WHERE Name LIKE 'Agg-%'").path("records").get(0);
        assertThat(keys(one)).containsExactly("attributes", "expr0", "expr1", "expr2", "expr3");
        assertThat(one.path("expr0").asInt()).isEqualTo(30);
        assertThat(one.path("expr1").asText()).isEqualTo("Agg-1");
        assertThat(one.path("expr2").asDouble()).isEqualTo(73.0 / 6);
        assertThat(one.path("expr3").asInt()).isEqualTo(2);

        JsonNode groups = ok("SELECT Industry, COUNT(Id) n FROM Account WHERE Name LIKE 'Agg-%' GROUP BY Industry"
                + " ORDER BY COUNT(Id) DESC");
        assertThat(groups.path("totalSize").asInt()).isEqualTo(3);
        assertThat(groups.path("records").get(0).path("n").asInt()).isEqualTo(3);
        assertThat(groups.path("records").get(2).get("Industry").isNull()).isTrue();
    }

    @Test
    void countAloneAnswersTotalSizeWithNoRecords() {
        JsonNode count = ok("SELECT COUNT() FROM Account WHERE Industry = 'Technology' AND Name LIKE 'Agg-%'");
        assertThat(count.path("totalSize").asInt()).isEqualTo(3);
        assertThat(count.path("done").asBoolean()).isTrue();
        assertThat(count.path("records").isArray()).isTrue();
        assertThat(count.path("records").size()).isZero();
        assertThat(error("SELECT COUNT(), Name FROM Account").path("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    }

    @Test
    void offsetSkipsRowsUpTo2000() {
        JsonNode page = ok("SELECT Name FROM Account WHERE Name LIKE 'Agg-%' ORDER BY Name LIMIT 2 OFFSET 1");
        assertThat(page.path("totalSize").asInt()).isEqualTo(2);
        assertThat(page.path("records").get(0).path("Name").asText()).isEqualTo("Agg-2");
        assertThat(page.path("records").get(1).path("Name").asText()).isEqualTo("Agg-3");
        JsonNode tail = ok("SELECT Name FROM Account WHERE Name LIKE 'Agg-%' ORDER BY Name OFFSET 4");
        assertThat(tail.path("totalSize").asInt()).isEqualTo(2);
        assertThat(tail.path("records").get(0).path("Name").asText()).isEqualTo("Agg-5");
        JsonNode tooFar = error("SELECT Name FROM Account OFFSET 2001");
        assertThat(tooFar.path("errorCode").asText()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
        assertThat(tooFar.path("message").asText()).isEqualTo("Maximum SOQL offset allowed is 2000");
    }

    @Test
    void ungroupedFieldsAndSumsOfTextAreRefused() {
        JsonNode ungrouped = error("SELECT Name, COUNT(Id) FROM Account GROUP BY Industry");
        assertThat(ungrouped.path("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        assertThat(ungrouped.path("message").asText()).endsWith("Field must be grouped or aggregated: Name");
        JsonNode sum = error("SELECT SUM(Name) FROM Account");
        assertThat(sum.path("errorCode").asText()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void parentToChildSubqueriesNestTheirRecordsOrNullWhenThereAreNone() {
        JsonNode result = ok("SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName), Industry FROM Account"
                + " WHERE Name IN ('Agg-1', 'Agg-2') ORDER BY Name");
        assertThat(result.path("totalSize").asInt()).isEqualTo(2);
        JsonNode agg1 = result.path("records").get(0);
        assertThat(keys(agg1)).containsExactly("attributes", "Name", "Contacts", "Industry");
        JsonNode contacts = agg1.path("Contacts");
        assertThat(keys(contacts)).containsExactly("totalSize", "done", "records");
        assertThat(contacts.path("totalSize").asInt()).isEqualTo(2);
        assertThat(contacts.path("done").asBoolean()).isTrue();
        JsonNode amy = contacts.path("records").get(0);
        assertThat(amy.path("attributes").path("type").asText()).isEqualTo("Contact");
        assertThat(amy.path("attributes").path("url").asText()).startsWith(V + "/sobjects/Contact/003");
        assertThat(amy.path("LastName").asText()).isEqualTo("Amy");
        assertThat(contacts.path("records").get(1).path("LastName").asText()).isEqualTo("Zed");
        JsonNode agg2 = result.path("records").get(1);
        assertThat(agg2.has("Contacts")).isTrue();
        assertThat(agg2.get("Contacts").isNull()).isTrue();

        JsonNode filtered = ok("SELECT (SELECT LastName FROM contacts WHERE LastName = 'Zed') FROM Account"
                + " WHERE Name = 'Agg-1'").path("records").get(0);
        assertThat(filtered.path("Contacts").path("totalSize").asInt()).isEqualTo(1);
        assertThat(filtered.path("Contacts").path("records").get(0).path("LastName").asText()).isEqualTo("Zed");
    }

    @Test
    void subqueriesOnUnknownRelationshipsOrFieldsAreRefused() {
        JsonNode relationship = error("SELECT Name, (SELECT Id FROM Nothings) FROM Account");
        assertThat(relationship.path("errorCode").asText()).isEqualTo("INVALID_TYPE");
        assertThat(relationship.path("message").asText()).contains("Didn't understand relationship 'Nothings'");
        JsonNode field = error("SELECT Name, (SELECT Nope FROM Contacts) FROM Account");
        assertThat(field.path("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(field.path("message").asText()).contains("No such column 'Nope' on entity 'Contact'");
    }
}
