package dev.kinetic.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A REST write has committed when it is answered: an org killed with SIGKILL right after the answers keeps every
 * record they reported, and none that a rolled-back all-or-none request wrote.
 */
class RestWriteDurabilityTest {
    private static final String V = ForkedOrg.V;

    @TempDir
    Path root;

    @Test
    void recordsAnsweredBeforeASigkillAreThereAfterTheRestart() throws Exception {
        Path dir = root.resolve("org");
        String token;
        String created;
        String updated;
        String deleted;
        String upserted;
        String inCollection;
        try (ForkedOrg org = ForkedOrg.start(dir)) {
            token = org.login();
            created = org.json(token, "POST", V + "/sobjects/Account", "{\"Name\":\"Kept\"}", 201).get("id").asText();
            updated = org.json(token, "POST", V + "/sobjects/Account", "{\"Name\":\"Old\"}", 201).get("id").asText();
            deleted = org.json(token, "POST", V + "/sobjects/Account", "{\"Name\":\"Gone\"}", 201).get("id").asText();
            upserted = org.json(token, "PATCH", V + "/sobjects/Account/External_Key__c/D-1", "{\"Name\":\"Up\"}", 201)
                    .get("id").asText();
            inCollection = org.json(token, "POST", V + "/composite/sobjects", "{\"records\":[{\"attributes\":"
                    + "{\"type\":\"Account\"},\"Name\":\"In collection\"}]}", 200).get(0).get("id").asText();
            org.json(token, "POST", V + "/composite/sobjects", "{\"allOrNone\":true,\"records\":[{\"attributes\":"
                    + "{\"type\":\"Account\"},\"Name\":\"Rolled back\"},{\"attributes\":{\"type\":\"Contact\"},"
                    + "\"Email\":\"no-last-name@example.com\"}]}", 200);
            assertThat(org.call(token, "PATCH", V + "/sobjects/Account/" + updated, "application/json",
                    "{\"Name\":\"New\"}").statusCode()).isEqualTo(204);
            assertThat(org.call(token, "DELETE", V + "/sobjects/Account/" + deleted, null, null).statusCode())
                    .isEqualTo(204);
            org.kill();
        }
        try (ForkedOrg org = ForkedOrg.start(dir)) {
            assertThat(org.json(token, "GET", V + "/sobjects/Account/" + created, null, 200).get("Name").asText())
                    .isEqualTo("Kept");
            assertThat(org.json(token, "GET", V + "/sobjects/Account/" + updated, null, 200).get("Name").asText())
                    .isEqualTo("New");
            assertThat(org.call(token, "GET", V + "/sobjects/Account/" + deleted, null, null).statusCode())
                    .isEqualTo(404);
            assertThat(org.json(token, "GET", V + "/sobjects/Account/" + upserted, null, 200).get("Name").asText())
                    .isEqualTo("Up");
            assertThat(org.json(token, "GET", V + "/sobjects/Account/" + inCollection, null, 200).get("Name")
                    .asText()).isEqualTo("In collection");
            JsonNode rolledBack = org.json(token, "GET", V + "/queryAll?q=SELECT+Id+FROM+Account+WHERE+Name+%3D+"
                    + "%27Rolled+back%27", null, 200);
            assertThat(rolledBack.get("totalSize").asInt()).isZero();
            JsonNode bin = org.json(token, "GET", V + "/queryAll?q=SELECT+IsDeleted+FROM+Account+WHERE+Id+%3D+%27"
                    + deleted + "%27", null, 200);
            assertThat(bin.get("records").get(0).get("IsDeleted").asBoolean()).isTrue();
        }
    }
}
