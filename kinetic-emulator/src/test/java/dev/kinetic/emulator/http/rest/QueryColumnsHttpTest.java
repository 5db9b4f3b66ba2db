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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /query?q=…&columns=true} over raw HTTP: the column metadata the Salesforce CLI's {@code sf data query}
 * asks for before it prints a result (plugin-data's {@code retrieveColumns}; the shapes follow the captures of real
 * orgs in salesforcecli/plugin-data's test/test-files/queryFields.exemplars.ts).
 */
class QueryColumnsHttpTest {
    private static final String V = "/services/data/v62.0";
    private static LocalOrg org;
    private static LocalOrgHttp http;

    @BeforeAll
    static void start() {
        org = LocalOrg.start(LocalOrgConfig.defaults());
        http = LocalOrgHttp.of(org);
        HttpResponse<String> r = http.json("POST", "/__emulator/records/Account", "[{\"Name\":\"Acme\"}]");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    private static HttpResponse<String> columns(String soql) {
        return http.send(HttpRequest.newBuilder(http.uri(V + "/query?q=" + URLEncoder.encode(soql,
                StandardCharsets.UTF_8) + "&columns=true")).header("Authorization", "Bearer " + org.accessToken())
                .build());
    }

    private static JsonNode ok(String soql) {
        HttpResponse<String> r = columns(soql);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return LocalOrgHttp.parse(r);
    }

    private static List<String> names(JsonNode columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.path("columnName").asText()));
        return names;
    }

    @Test
    void fieldsAndParentRelationshipsComeInSelectOrderWithTheirFieldsAsJoinColumns() {
        JsonNode result = ok("SELECT Id, LastName, Account.Name, Account.Owner.Username, Account.Industry"
                + " FROM Contact");
        List<String> keys = new ArrayList<>();
        result.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("columnMetadata", "entityName", "groupBy", "idSelected", "keyPrefix");
        assertThat(result.path("entityName").asText()).isEqualTo("Contact");
        assertThat(result.path("keyPrefix").asText()).isEqualTo("003");
        assertThat(result.path("idSelected").asBoolean()).isTrue();
        assertThat(result.path("groupBy").asBoolean()).isFalse();

        JsonNode columns = result.path("columnMetadata");
        assertThat(names(columns)).containsExactly("Id", "LastName", "Account");
        JsonNode id = columns.get(0);
        List<String> columnKeys = new ArrayList<>();
        id.fieldNames().forEachRemaining(columnKeys::add);
        assertThat(columnKeys).containsExactly("aggregate", "apexType", "booleanType", "columnName", "custom",
                "displayName", "foreignKeyName", "insertable", "joinColumns", "numberType", "textType", "updatable");
        assertThat(id.path("apexType").asText()).isEqualTo("Id");
        assertThat(id.path("insertable").asBoolean()).isFalse();
        JsonNode lastName = columns.get(1);
        assertThat(lastName.path("apexType").asText()).isEqualTo("String");
        assertThat(lastName.path("textType").asBoolean()).isTrue();
        assertThat(lastName.path("insertable").asBoolean()).isTrue();
        assertThat(lastName.path("updatable").asBoolean()).isTrue();

        JsonNode account = columns.get(2);
        assertThat(account.path("aggregate").asBoolean()).isFalse();
        assertThat(account.path("apexType").isNull()).isTrue();
        assertThat(account.path("foreignKeyName").asText()).isEqualTo("AccountId");
        assertThat(names(account.path("joinColumns"))).containsExactly("Name", "Owner", "Industry");
        JsonNode owner = account.path("joinColumns").get(1);
        assertThat(owner.path("foreignKeyName").asText()).isEqualTo("OwnerId");
        assertThat(names(owner.path("joinColumns"))).containsExactly("Username");
        assertThat(owner.path("joinColumns").get(0).path("displayName").asText()).isEqualTo("Username");
    }

    @Test
    void aSubqueryIsAnAggregateColumnWithTheSubquerysColumns() {
        JsonNode result = ok("SELECT Name, (SELECT LastName, Email FROM Contacts) FROM Account");
        JsonNode columns = result.path("columnMetadata");
        assertThat(names(columns)).containsExactly("Name", "Contacts");
        assertThat(result.path("idSelected").asBoolean()).isFalse();
        JsonNode contacts = columns.get(1);
        assertThat(contacts.path("aggregate").asBoolean()).isTrue();
        assertThat(names(contacts.path("joinColumns"))).containsExactly("LastName", "Email");
    }

    @Test
    void aggregateFunctionsAreAggregateColumnsNamedByTheirKeysAndShownAsWritten() {
        JsonNode result = ok("SELECT Industry, COUNT(Id), MAX(Name) top FROM Account GROUP BY Industry");
        assertThat(result.path("groupBy").asBoolean()).isTrue();
        JsonNode columns = result.path("columnMetadata");
        assertThat(names(columns)).containsExactly("Industry", "expr0", "top");
        assertThat(columns.get(0).path("aggregate").asBoolean()).isFalse();
        assertThat(columns.get(1).path("aggregate").asBoolean()).isTrue();
        assertThat(columns.get(1).path("displayName").asText()).isEqualTo("COUNT(Id)");
        assertThat(columns.get(1).path("numberType").asBoolean()).isTrue();
        assertThat(columns.get(2).path("aggregate").asBoolean()).isTrue();
        assertThat(columns.get(2).path("displayName").asText()).isEqualTo("top");
    }

    @Test
    void countAloneHasNoColumns() {
        assertThat(ok("SELECT COUNT() FROM Account").path("columnMetadata").size()).isZero();
    }

    @Test
    void badSoqlIsRefusedAsAQueryIs() {
        HttpResponse<String> r = columns("SELECT Nope FROM Account");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(LocalOrgHttp.parse(r).get(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD");
    }
}
