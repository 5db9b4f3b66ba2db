package dev.kinetic.emulator.http.bulk;

import static dev.kinetic.emulator.http.bulk.IngestJobLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bulk jobs end to end against a whole local org (real DML and SOQL engines), over raw HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkLocalOrgTest {
    private BulkServer s;

    @BeforeAll
    void start() {
        s = BulkServer.of(LocalOrg.start(LocalOrgConfig.defaults()));
    }

    @AfterAll
    void stop() throws Exception {
        s.close();
    }

    private String id(JsonNode job) {
        return job.get("id").asText();
    }

    private List<String> rows(String path) throws Exception {
        return QueryJobHttpTest.splitRows(s.text(path));
    }

    private List<String> query(String soql, String operation) throws Exception {
        HttpResponse<String> r = s.send("POST", BulkServer.V + "/jobs/query",
                "{\"operation\":\"" + operation + "\",\"query\":\"" + soql + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String id = s.json(r).get("id").asText();
        s.await("query", id, "JobComplete");
        List<String> out = rows(BulkServer.V + "/jobs/query/" + id + "/results");
        return out.subList(1, out.size());
    }

    @Test
    void reportsEachPerRowErrorCodeInFailedResults() throws Exception {
        JsonNode seed = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}",
                "Name,External_Key__c\nSeed One,PRE-1\nSeed Two,PRE-2\nDoomed,PRE-3\n");
        List<String> seeded = rows(BulkServer.V + "/jobs/ingest/" + id(seed) + "/successfulResults");
        String doomed = seeded.get(3).substring(1, 19);
        s.ingest("{\"object\":\"Account\",\"operation\":\"delete\"}", "Id\n" + doomed + "\n");

        JsonNode accounts = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}",
                "Name,NumberOfEmployees,External_Key__c,CleanStatus\n"
                        + ",1,,\n"
                        + "x".repeat(256) + ",1,,\n"
                        + "Bad Number,250.0,,\n"
                        + "Dup Key,1,pre-1,\n"
                        + "Bad Pick,1,,Bogus\n"
                        + "Fine,2,,\n");
        assertThat(accounts.get("numberRecordsProcessed").asInt()).isEqualTo(6);
        assertThat(accounts.get("numberRecordsFailed").asInt()).isEqualTo(5);
        String failed = s.text(BulkServer.V + "/jobs/ingest/" + id(accounts) + "/failedResults");
        assertThat(failed).startsWith("\"sf__Id\",\"sf__Error\",Name,NumberOfEmployees,External_Key__c,CleanStatus\n")
                .contains("\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --\"")
                .contains("\"STRING_TOO_LONG:Account Name: data value too large: ")
                .contains("\"INVALID_TYPE_ON_FIELD_IN_RECORD:Employees: value not of required type: 250.0:"
                        + "NumberOfEmployees --\",\"Bad Number\",\"250.0\"")
                .contains("\"DUPLICATE_VALUE:duplicate value found: External_Key__c duplicates value on record with id")
                .contains("\"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Clean Status: bad value for restricted picklist");

        String contact = rows(BulkServer.V + "/jobs/ingest/" + id(s.ingest(
                "{\"object\":\"Contact\",\"operation\":\"insert\"}", "LastName\nDoe\n")) + "/successfulResults")
                .get(1).substring(1, 19);
        JsonNode contacts = s.ingest("{\"object\":\"Contact\",\"operation\":\"insert\"}",
                "LastName,Email,Account.External_Key__c\nA,not-an-email,\nB,,NOPE-9\n");
        assertThat(contacts.get("state").asText()).as(contacts.toString()).isEqualTo("JobComplete");
        assertThat(s.text(BulkServer.V + "/jobs/ingest/" + id(contacts) + "/failedResults"))
                .contains("INVALID_EMAIL_ADDRESS:Email: invalid email address: not-an-email:Email --")
                .contains("INVALID_FIELD:Foreign key external ID: NOPE-9 not found for field External_Key__c in "
                        + "entity Account:--");
        JsonNode lookups = s.ingest("{\"object\":\"Contact\",\"operation\":\"insert\"}",
                "LastName,AccountId\nC," + contact + "\nD," + dev.kinetic.emulator.ids.SalesforceIds.to18("001Kc000000ZZZZ") + "\n");
        assertThat(s.text(BulkServer.V + "/jobs/ingest/" + id(lookups) + "/failedResults"))
                .contains("MALFORMED_ID:Account ID: id value of incorrect type: " + contact + ":AccountId --")
                .contains("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");

        JsonNode updates = s.ingest("{\"object\":\"Account\",\"operation\":\"update\"}",
                "Id,Name\n" + doomed + ",Again\n" + dev.kinetic.emulator.ids.SalesforceIds.to18("001Kc000000ZZZY")
                        + ",Ghost\nnot-an-id,Bad\n");
        assertThat(s.text(BulkServer.V + "/jobs/ingest/" + id(updates) + "/failedResults"))
                .contains("\"" + doomed + "\",\"ENTITY_IS_DELETED:entity is deleted:--\"")
                .contains("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--")
                .contains("MALFORMED_ID:Account ID: id value of incorrect type: not-an-id:Id --");

        JsonNode upsert = s.ingest("{\"object\":\"Account\",\"operation\":\"upsert\","
                + "\"externalIdFieldName\":\"External_Key__c\"}", "External_Key__c,Name\nUP-1,First\nup-1,Second\n");
        assertThat(s.text(BulkServer.V + "/jobs/ingest/" + id(upsert) + "/failedResults"))
                .contains("DUPLICATE_EXTERNAL_ID:Duplicate external id specified: up-1:External_Key__c --");
    }

    @Test
    void upsertReportsSfCreatedTrueForInsertsAndFalseForUpdates() throws Exception {
        String job = "{\"object\":\"Account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"External_Key__c\"}";
        s.ingest(job, "External_Key__c,Name\nUPS-1,One\n");
        JsonNode second = s.ingest(job, "External_Key__c,name\nUPS-1,One again\nUPS-2,Two\n");
        List<String> ok = rows(BulkServer.V + "/jobs/ingest/" + id(second) + "/successfulResults");
        assertThat(ok.get(0)).isEqualTo("\"sf__Id\",\"sf__Created\",External_Key__c,name");
        assertThat(ok.subList(1, 3)).anySatisfy(r -> assertThat(r).endsWith(",\"false\",\"UPS-1\",\"One again\""))
                .anySatisfy(r -> assertThat(r).endsWith(",\"true\",\"UPS-2\",\"Two\""));
        assertThat(ok.get(1)).matches("\"001\\w{15}\",.*");
    }

    @Test
    void deleteGoesToTheRecycleBinWhichOnlyQueryAllSeesAndHardDeleteRemovesForGood() throws Exception {
        JsonNode inserted = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}",
                "Name,External_Key__c\nBin Keep,BIN-1\nBin Soft,BIN-2\nBin Hard,BIN-3\n");
        List<String> ids = rows(BulkServer.V + "/jobs/ingest/" + id(inserted) + "/successfulResults").stream()
                .skip(1).map(r -> r.substring(1, 19)).toList();
        JsonNode soft = s.ingest("{\"object\":\"Account\",\"operation\":\"delete\"}", "Id\n" + ids.get(1) + "\n");
        assertThat(s.text(BulkServer.V + "/jobs/ingest/" + id(soft) + "/successfulResults"))
                .isEqualTo("\"sf__Id\",\"sf__Created\",Id\n\"" + ids.get(1) + "\",\"false\",\"" + ids.get(1) + "\"\n");
        s.ingest("{\"object\":\"Account\",\"operation\":\"hardDelete\"}", "Id\n" + ids.get(2) + "\n");
        String soql = "SELECT Name, IsDeleted FROM Account WHERE Name LIKE 'Bin %' ORDER BY Name";
        assertThat(query(soql, "query")).containsExactly("\"Bin Keep\",\"false\"");
        assertThat(query(soql, "queryAll")).containsExactly("\"Bin Keep\",\"false\"", "\"Bin Soft\",\"true\"");
    }

    @Test
    void failsTheJobForAnUnknownHeaderFieldWithSalesforcesMessage() throws Exception {
        JsonNode job = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name,Nope__c\nA,1\n");
        assertThat(job.get("state").asText()).isEqualTo("Failed");
        assertThat(job.get("errorMessage").asText()).isEqualTo("InvalidBatch : Field name not found : Nope__c");
        assertThat(s.text(BulkServer.V + "/jobs/ingest/" + id(job) + "/unprocessedrecords"))
                .isEqualTo("Name,Nope__c\nA,1\n");
    }

    @Test
    void queriesRealRecordsPageByPageAndRejectsBadSoqlAtCreate() throws Exception {
        StringBuilder csv = new StringBuilder("Name,NumberOfEmployees\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append("Paged ").append(i).append(',').append(i).append('\n');
        }
        s.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}", csv.toString());
        HttpResponse<String> r = s.send("POST", BulkServer.V + "/jobs/query", "{\"operation\":\"query\",\"query\":"
                + "\"SELECT Name, NumberOfEmployees FROM Account WHERE Name LIKE 'Paged %' ORDER BY NumberOfEmployees\","
                + "\"columnDelimiter\":\"TAB\"}");
        String id = s.json(r).get("id").asText();
        assertThat(s.await("query", id, "JobComplete").get("numberRecordsProcessed").asInt()).isEqualTo(2_500);
        HttpResponse<String> page = s.send(s.request(BulkServer.V + "/jobs/query/" + id
                + "/results?maxRecords=1000&locator=MjAwMA").GET());
        assertThat(page.headers().firstValue("Sforce-Locator")).hasValue("null");
        assertThat(page.headers().firstValue("Sforce-NumberOfRecords")).hasValue("500");
        assertThat(page.body()).startsWith("\"Name\"\t\"NumberOfEmployees\"\n\"Paged 2000\"\t\"2000\"\n");
        HttpResponse<String> bad = s.send("POST", BulkServer.V + "/jobs/query",
                "{\"operation\":\"query\",\"query\":\"SELECT Nope__c FROM Account\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(s.json(bad).get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void controlPlaneResetForgetsEveryJob() throws Exception {
        String id = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        HttpResponse<String> reset = s.send(s.controlRequest("/__emulator/reset")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(reset.statusCode()).isEqualTo(204);
        assertError(s.send("GET", BulkServer.V + "/jobs/ingest/" + id, null), 404, "NOT_FOUND", "does not exist");
        assertThat(s.json(s.send("GET", BulkServer.V + "/jobs/ingest", null)).get("records")).isEmpty();
    }

    @Test
    void progressionSetThroughTheControlPlaneHoldsJobsForNPolls() throws Exception {
        HttpResponse<String> set = s.send(s.controlRequest("/__emulator/progression")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"afterPolls\",\"polls\":2}")));
        assertThat(set.statusCode()).isEqualTo(200);
        try {
            String id = s.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
            s.upload(id, "Name\nPolled\n");
            s.complete(id);
            for (int i = 0; i < 2; i++) {
                assertThat(s.json(s.send("GET", BulkServer.V + "/jobs/ingest/" + id, null)).get("state").asText())
                        .isEqualTo("UploadComplete");
            }
            assertThat(s.await("ingest", id, "JobComplete").get("numberRecordsProcessed").asInt()).isEqualTo(1);
        } finally {
            s.send(s.controlRequest("/__emulator/progression").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"immediate\"}")));
        }
        assertError(s.send("GET", BulkServer.V + "/jobs/ingest/750Kc000000000AAAA", null), 404, "NOT_FOUND",
                "does not exist");
    }
}
