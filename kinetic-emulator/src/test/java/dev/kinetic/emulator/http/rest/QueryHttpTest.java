package dev.kinetic.emulator.http.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgHttp;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REST query and queryAll over raw HTTP: record shape, typed values, nested parents, paging and errors. */
class QueryHttpTest {
    private static final String V = "/services/data/v62.0";
    private static LocalOrg org;
    private static LocalOrgHttp http;
    private static String token;
    private static String acmeId;
    private static String annId;

    @BeforeAll
    static void start() {
        org = LocalOrg.start(LocalOrgConfig.defaults());
        http = LocalOrgHttp.of(org);
        token = org.accessToken();
        acmeId = seed("Account", "[{\"Name\":\"Acme\",\"NumberOfEmployees\":50,\"AnnualRevenue\":1234.5}]").get(0);
        List<String> contacts = seed("Contact", "[{\"LastName\":\"Ann\",\"AccountId\":\"" + acmeId + "\"},"
                + "{\"LastName\":\"Bob\"}]");
        annId = contacts.get(0);
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 2_100; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"Name\":\"Page-").append(i).append("\"}");
        }
        seed("Account", rows.append(']').toString());
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    private static List<String> seed(String object, String json) {
        HttpResponse<String> r = http.json("POST", "/__emulator/records/" + object, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        LocalOrgHttp.parse(r).path("ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static HttpResponse<String> query(String resource, String soql, String options) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(V + "/" + resource + "?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token);
        if (options != null) {
            b.header("Sforce-Query-Options", options);
        }
        return http.send(b.build());
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return LocalOrgHttp.parse(r);
    }

    @Test
    void recordsCarryAttributesAndNestParentsWithNullForAMissingParent() {
        JsonNode result = ok(query("query", "SELECT Id, LastName, Account.Name, Account.Owner.Username FROM Contact"
                + " ORDER BY LastName", null));
        assertThat(result.path("totalSize").asInt()).isEqualTo(2);
        assertThat(result.path("done").asBoolean()).isTrue();
        assertThat(result.has("nextRecordsUrl")).isFalse();
        List<String> keys = new ArrayList<>();
        result.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("totalSize", "done", "records");

        JsonNode ann = result.path("records").get(0);
        assertThat(ann.path("attributes").path("type").asText()).isEqualTo("Contact");
        assertThat(ann.path("attributes").path("url").asText()).isEqualTo(V + "/sobjects/Contact/" + annId);
        assertThat(ann.path("Id").asText()).isEqualTo(annId);
        assertThat(ann.path("LastName").asText()).isEqualTo("Ann");
        JsonNode account = ann.path("Account");
        assertThat(account.path("attributes").path("type").asText()).isEqualTo("Account");
        assertThat(account.path("attributes").path("url").asText()).isEqualTo(V + "/sobjects/Account/" + acmeId);
        assertThat(account.path("Name").asText()).isEqualTo("Acme");
        assertThat(account.path("Owner").path("attributes").path("type").asText()).isEqualTo("User");
        assertThat(account.path("Owner").path("attributes").path("url").asText())
                .isEqualTo(V + "/sobjects/User/" + org.adminUserId());
        assertThat(account.path("Owner").path("Username").asText()).isEqualTo("admin@kinetic.local");

        JsonNode bob = result.path("records").get(1);
        assertThat(bob.path("LastName").asText()).isEqualTo("Bob");
        assertThat(bob.has("Account")).isTrue();
        assertThat(bob.get("Account").isNull()).isTrue();
    }

    @Test
    void valuesAreTypedAsSalesforceTypesThemUnderTheSchemasNames() {
        JsonNode result = ok(query("query", "select name, numberofemployees, annualrevenue, isdeleted, createddate,"
                + " description from account where name = 'Acme'", null));
        JsonNode acme = result.path("records").get(0);
        List<String> keys = new ArrayList<>();
        acme.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("attributes", "Name", "NumberOfEmployees", "AnnualRevenue", "IsDeleted",
                "CreatedDate", "Description");
        assertThat(acme.path("NumberOfEmployees").isIntegralNumber()).isTrue();
        assertThat(acme.path("NumberOfEmployees").asInt()).isEqualTo(50);
        assertThat(acme.path("AnnualRevenue").isNumber()).isTrue();
        assertThat(acme.path("AnnualRevenue").decimalValue()).isEqualByComparingTo("1234.5");
        assertThat(acme.path("IsDeleted").isBoolean()).isTrue();
        assertThat(acme.path("IsDeleted").asBoolean()).isFalse();
        assertThat(acme.path("CreatedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(acme.get("Description").isNull()).isTrue();
    }

    @Test
    void pagesFollowNextRecordsUrlWithTheRequestedBatchSize() {
        String soql = "SELECT Id, Name FROM Account WHERE Name LIKE 'Page-%'";
        JsonNode page = ok(query("query", soql, "batchSize=500"));
        Set<String> ids = new HashSet<>();
        int pages = 0;
        while (true) {
            pages++;
            assertThat(page.path("totalSize").asInt()).isEqualTo(2_100);
            page.path("records").forEach(r -> ids.add(r.path("Id").asText()));
            if (page.path("done").asBoolean()) {
                assertThat(page.has("nextRecordsUrl")).isFalse();
                assertThat(page.path("records").size()).isEqualTo(100);
                break;
            }
            assertThat(page.path("records").size()).isEqualTo(500);
            String next = page.path("nextRecordsUrl").asText();
            assertThat(next).matches("/services/data/v62\\.0/query/01g[0-9A-Za-z]{15}-" + (pages * 500));
            page = ok(http.get(next, token));
        }
        assertThat(pages).isEqualTo(5);
        assertThat(ids).hasSize(2_100);
    }

    @Test
    void pagesHoldTwoThousandRecordsByDefaultAndBatchSizesAreKeptWithin200And2000() {
        String soql = "SELECT Id FROM Account WHERE Name LIKE 'Page-%'";
        JsonNode first = ok(query("query", soql, null));
        assertThat(first.path("records").size()).isEqualTo(2_000);
        assertThat(first.path("done").asBoolean()).isFalse();
        String next = first.path("nextRecordsUrl").asText();
        JsonNode last = ok(http.get(next, token));
        assertThat(last.path("records").size()).isEqualTo(100);
        assertThat(last.path("done").asBoolean()).isTrue();
        HttpResponse<String> again = http.get(next, token);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(LocalOrgHttp.parse(again).get(0).path("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");

        assertThat(ok(query("query", soql, "batchSize=10")).path("records").size()).isEqualTo(200);
        assertThat(ok(query("query", soql, "batchSize=5000")).path("records").size()).isEqualTo(2_000);
        assertThat(ok(query("query", soql, "batchSize=abc")).path("records").size()).isEqualTo(2_000);
    }

    @Test
    void queryAllAnswersWithTheSameShapeAndPagesUnderItsOwnResource() {
        JsonNode all = ok(query("queryAll", "SELECT Id FROM Account WHERE Name LIKE 'Page-%'", "batchSize=2000"));
        assertThat(all.path("totalSize").asInt()).isEqualTo(2_100);
        assertThat(all.path("nextRecordsUrl").asText()).startsWith(V + "/queryAll/01g");
        assertThat(ok(http.get(all.path("nextRecordsUrl").asText(), token)).path("records").size()).isEqualTo(100);
    }

    @Test
    void badQueriesAndLocatorsAnswerSalesforceErrors() {
        HttpResponse<String> none = http.get(V + "/query", token);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(LocalOrgHttp.parse(none).get(0).path("errorCode").asText()).isEqualTo("MALFORMED_QUERY");

        HttpResponse<String> field = query("query", "SELECT Nope FROM Account", null);
        assertThat(field.statusCode()).isEqualTo(400);
        JsonNode error = LocalOrgHttp.parse(field).get(0);
        assertThat(error.path("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(error.path("message").asText()).contains("No such column 'Nope' on entity 'Account'");

        HttpResponse<String> type = query("query", "SELECT Id FROM Nope__c", null);
        assertThat(LocalOrgHttp.parse(type).get(0).path("errorCode").asText()).isEqualTo("INVALID_TYPE");

        for (String locator : new String[] {"01gAAAAAAAAAAAAAAA-2000", "nonsense"}) {
            HttpResponse<String> r = http.get(V + "/query/" + locator, token);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(LocalOrgHttp.parse(r).get(0).path("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
        }
        assertThat(http.get(V + "/query?q=SELECT+Id+FROM+Account").statusCode()).isEqualTo(401);
    }

    @Test
    void aPolymorphicParentIsTypedByItsIdsKeyPrefix() {
        HttpResponse<String> r = http.json("POST", "/__emulator/records/Case", "[{\"Subject\":\"Poly\"}]");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode kase = ok(query("query", "SELECT Subject, Owner.Name FROM Case WHERE Subject = 'Poly'", null))
                .path("records").get(0);
        assertThat(kase.path("Owner").path("attributes").path("type").asText()).isEqualTo("User");
        assertThat(kase.path("Owner").path("attributes").path("url").asText())
                .isEqualTo(V + "/sobjects/User/" + org.adminUserId());
        assertThat(kase.path("Owner").path("Name").asText()).isNotBlank();
    }
}
