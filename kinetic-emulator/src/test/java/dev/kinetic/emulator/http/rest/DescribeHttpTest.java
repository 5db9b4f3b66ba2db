package dev.kinetic.emulator.http.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgHttp;
import dev.kinetic.emulator.MutableClock;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The describe calls over raw HTTP, on an org with a custom object loaded from a describe file. */
class DescribeHttpTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final String V = "/services/data/v62.0";
    private static final MutableClock clock = new MutableClock(START);
    private static LocalOrg org;
    private static LocalOrgHttp http;
    private static String token;
    private static JsonNode widgetFile;

    @BeforeAll
    static void start() throws Exception {
        Path file = Path.of(DescribeHttpTest.class.getResource("widget-describe.json").toURI());
        widgetFile = LocalOrgHttp.JSON.readTree(file.toFile());
        org = LocalOrg.start(LocalOrgConfig.builder().clock(clock).schemaFile(file).build());
        http = LocalOrgHttp.of(org);
        token = org.accessToken();
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    private static JsonNode getOk(String path) {
        HttpResponse<String> r = http.get(path, token);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return LocalOrgHttp.parse(r);
    }

    private static JsonNode byName(JsonNode array, String key, String name) {
        for (JsonNode n : array) {
            if (n.path(key).asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void describeGlobalListsEveryObjectWithLabelsPrefixUrlsAndFlags() {
        JsonNode global = getOk(V + "/sobjects");
        assertThat(global.path("encoding").asText()).isEqualTo("UTF-8");
        assertThat(global.path("maxBatchSize").asInt()).isEqualTo(200);
        JsonNode sobjects = global.path("sobjects");
        List<String> names = new ArrayList<>();
        sobjects.forEach(o -> names.add(o.path("name").asText()));
        assertThat(names).containsExactly("Account", "Contact", "Lead", "Opportunity", "Case", "User", "Widget__c");

        JsonNode account = byName(sobjects, "name", "Account");
        assertThat(account.path("label").asText()).isEqualTo("Account");
        assertThat(account.path("labelPlural").asText()).isEqualTo("Accounts");
        assertThat(account.path("keyPrefix").asText()).isEqualTo("001");
        assertThat(account.path("custom").asBoolean()).isFalse();
        assertThat(account.path("queryable").isBoolean()).isTrue();
        assertThat(account.path("queryable").asBoolean()).isTrue();
        assertThat(account.path("createable").asBoolean()).isTrue();
        assertThat(account.path("urls").path("sobject").asText()).isEqualTo(V + "/sobjects/Account");
        assertThat(account.path("urls").path("describe").asText()).isEqualTo(V + "/sobjects/Account/describe");
        assertThat(account.path("urls").path("rowTemplate").asText()).isEqualTo(V + "/sobjects/Account/{ID}");
        assertThat(keys(account)).isSorted().contains("activateable", "deletable", "layoutable", "mergeable",
                "retrieveable", "searchable", "triggerable", "undeletable", "updateable");

        JsonNode widget = byName(sobjects, "name", "Widget__c");
        assertThat(widget.path("custom").asBoolean()).isTrue();
        assertThat(widget.path("labelPlural").asText()).isEqualTo("Widgets");
        assertThat(widget.path("keyPrefix").asText()).matches("a[0-9A-Za-z]{2}");
        assertThat(widget.path("mergeable").asBoolean()).isFalse();
    }

    @Test
    void basicInfoGivesTheObjectDescribeAndRecentItems() {
        JsonNode info = getOk(V + "/sobjects/contact");
        assertThat(keys(info)).containsExactly("objectDescribe", "recentItems");
        assertThat(info.path("objectDescribe").path("name").asText()).isEqualTo("Contact");
        assertThat(info.path("objectDescribe").path("keyPrefix").asText()).isEqualTo("003");
        assertThat(info.path("objectDescribe").path("urls").path("sobject").asText())
                .isEqualTo(V + "/sobjects/Contact");
        assertThat(info.path("recentItems").isArray()).isTrue();
    }

    @Test
    void accountDescribeShowsWhatTheOrgEnforces() {
        JsonNode account = getOk(V + "/sobjects/Account/describe");
        assertThat(keys(account)).isSorted().contains("childRelationships", "fields", "recordTypeInfos", "urls");
        assertThat(account.path("name").asText()).isEqualTo("Account");
        assertThat(account.path("keyPrefix").asText()).isEqualTo("001");
        JsonNode fields = account.path("fields");
        JsonNode key = byName(fields, "name", "External_Key__c");
        assertThat(keys(key)).isSorted();
        assertThat(key.path("type").asText()).isEqualTo("string");
        assertThat(key.path("soapType").asText()).isEqualTo("xsd:string");
        assertThat(key.path("length").asInt()).isEqualTo(255);
        assertThat(key.path("externalId").asBoolean()).isTrue();
        assertThat(key.path("unique").asBoolean()).isTrue();
        assertThat(key.path("custom").asBoolean()).isTrue();
        JsonNode regions = byName(fields, "name", "Regions__c");
        assertThat(regions.path("type").asText()).isEqualTo("multipicklist");
        assertThat(regions.path("restrictedPicklist").asBoolean()).isTrue();
        List<String> values = new ArrayList<>();
        regions.path("picklistValues").forEach(p -> values.add(p.path("value").asText()));
        assertThat(values).containsExactly("EMEA", "AMER", "APAC", "LATAM");
        JsonNode name = byName(fields, "name", "Name");
        assertThat(name.path("nillable").asBoolean()).isFalse();
        assertThat(name.path("nameField").asBoolean()).isTrue();
        JsonNode owner = byName(fields, "name", "OwnerId");
        assertThat(owner.path("referenceTo").get(0).asText()).isEqualTo("User");
        assertThat(owner.path("relationshipName").asText()).isEqualTo("Owner");
        assertThat(byName(fields, "name", "BillingAddress").path("type").asText()).isEqualTo("address");

        JsonNode children = account.path("childRelationships");
        JsonNode contacts = byName(children, "relationshipName", "Contacts");
        assertThat(contacts.path("childSObject").asText()).isEqualTo("Contact");
        assertThat(contacts.path("field").asText()).isEqualTo("AccountId");
        List<String> childObjects = new ArrayList<>();
        children.forEach(c -> childObjects.add(c.path("childSObject").asText()));
        assertThat(childObjects).doesNotContain("AccountBrand").contains("Widget__c");
        JsonNode widgets = byName(children, "childSObject", "Widget__c");
        assertThat(widgets.path("field").asText()).isEqualTo("Account__c");
        assertThat(widgets.path("relationshipName").isNull()).isTrue();
    }

    @Test
    void describeFileComesBackWithTheSameFieldsTypesLengthsFlagsAndPicklistValues() {
        JsonNode widget = getOk(V + "/sobjects/Widget__c/describe");
        assertThat(widget.path("label").asText()).isEqualTo("Widget");
        assertThat(widget.path("custom").asBoolean()).isTrue();
        JsonNode fields = widget.path("fields");
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.path("name").asText()));
        List<String> fileNames = new ArrayList<>();
        widgetFile.path("fields").forEach(f -> fileNames.add(f.path("name").asText()));
        assertThat(names).isEqualTo(fileNames);
        for (JsonNode loaded : widgetFile.path("fields")) {
            JsonNode served = byName(fields, "name", loaded.path("name").asText());
            for (Iterator<String> it = loaded.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (k.equals("picklistValues")) {
                    assertSameEntries(loaded.get(k), served.get(k));
                } else {
                    assertThat(served.get(k)).as(loaded.path("name").asText() + "." + k).isEqualTo(loaded.get(k));
                }
            }
        }
        // What the file leaves out comes back as the org applies it.
        JsonNode code = byName(fields, "name", "Code__c");
        assertThat(code.path("nillable").asBoolean()).isTrue();
        assertThat(code.path("createable").asBoolean()).isTrue();
        assertThat(code.path("custom").asBoolean()).isTrue();
        JsonNode size = byName(fields, "name", "Size__c");
        assertThat(size.path("picklistValues").get(1).path("validFor").isNull()).isTrue();
        JsonNode enabled = byName(fields, "name", "Enabled__c");
        assertThat(enabled.path("defaultValue").isBoolean()).isTrue();
        assertThat(enabled.path("soapType").asText()).isEqualTo("xsd:boolean");
        JsonNode weight = byName(fields, "name", "Weight__c");
        assertThat(weight.path("soapType").asText()).isEqualTo("xsd:double");
    }

    // Every key of every loaded entry comes back with the same value, in the same order (more keys may be served).
    private static void assertSameEntries(JsonNode loaded, JsonNode served) {
        assertThat(served.size()).isEqualTo(loaded.size());
        for (int i = 0; i < loaded.size(); i++) {
            for (Iterator<String> it = loaded.get(i).fieldNames(); it.hasNext(); ) {
                String k = it.next();
                assertThat(served.get(i).get(k)).as("entry " + i + "." + k).isEqualTo(loaded.get(i).get(k));
            }
        }
    }

    @Test
    void theOrgEnforcesWhatTheDescribeSays() {
        HttpResponse<String> tooLong = http.json("POST", "/__emulator/records/Widget__c",
                "[{\"Name\":\"w\",\"Code__c\":\"" + "x".repeat(21) + "\"}]");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("STRING_TOO_LONG");
        HttpResponse<String> badSize = http.json("POST", "/__emulator/records/Widget__c",
                "[{\"Name\":\"w\",\"Size__c\":\"XL\"}]");
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(badSize.body()).contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        HttpResponse<String> ok = http.json("POST", "/__emulator/records/Widget__c",
                "[{\"Name\":\"w\",\"Code__c\":\"" + "x".repeat(20) + "\",\"Size__c\":\"M\"}]");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }

    @Test
    void unknownObjectsAnswer404AndOtherMethods405() {
        for (String path : new String[] {V + "/sobjects/Nope__c", V + "/sobjects/Nope__c/describe"}) {
            HttpResponse<String> r = http.get(path, token);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(LocalOrgHttp.parse(r).get(0).path("errorCode").asText()).isEqualTo("NOT_FOUND");
        }
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(http.uri(V + "/sobjects/Account/describe"))
                .header("Authorization", "Bearer " + token).DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(LocalOrgHttp.parse(delete).get(0).path("message").asText())
                .isEqualTo("HTTP Method 'DELETE' not allowed. Allowed are GET");
        assertThat(http.get(V + "/sobjects/Account/describe").statusCode()).isEqualTo(401);
        assertThat(http.get("/services/data/v20.0/sobjects", token).statusCode()).isEqualTo(410);
    }

    @Test
    void ifModifiedSinceAnswers304WhileTheSchemaIsUnchanged() throws URISyntaxException {
        clock.advance(Duration.ofMinutes(30)); // time passes; the schema does not change
        DateTimeFormatter rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        for (String path : new String[] {V + "/sobjects", V + "/sobjects/Account", V + "/sobjects/Account/describe"}) {
            HttpResponse<String> later = ifModifiedSince(path, rfc1123.format(START.plus(Duration.ofHours(1))));
            assertThat(later.statusCode()).as(path).isEqualTo(304);
            assertThat(later.body()).isEmpty();
            assertThat(ifModifiedSince(path, rfc1123.format(START)).statusCode()).as(path).isEqualTo(304);
            assertThat(ifModifiedSince(path, rfc1123.format(START.minusSeconds(1))).statusCode()).as(path)
                    .isEqualTo(200);
            assertThat(ifModifiedSince(path, "yesterday").statusCode()).as(path).isEqualTo(200);
        }
        assertThat(ifModifiedSince(V + "/sobjects/Nope__c/describe", rfc1123.format(START)).statusCode())
                .isEqualTo(404);
    }

    private static HttpResponse<String> ifModifiedSince(String path, String date) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + token)
                .header("If-Modified-Since", date).build());
    }
}
