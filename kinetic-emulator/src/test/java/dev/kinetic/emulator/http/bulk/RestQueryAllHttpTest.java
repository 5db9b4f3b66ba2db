package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** REST query and queryAll see what Bulk ingest jobs leave: a record deleted by a Bulk job is in queryAll only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestQueryAllHttpTest {
    private BulkServer s;

    @BeforeAll
    void start() {
        s = BulkServer.of(LocalOrg.start(LocalOrgConfig.defaults()));
    }

    @AfterAll
    void stop() throws Exception {
        s.close();
    }

    private List<String> names(String resource, String soql) throws Exception {
        JsonNode result = s.json(s.send(s.request(BulkServer.V + "/" + resource + "?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8))));
        List<String> names = new ArrayList<>();
        result.path("records").forEach(r -> names.add(r.path("Name").asText() + "/" + r.path("IsDeleted").asBoolean()));
        assertThat(result.path("totalSize").asInt()).isEqualTo(names.size());
        return names;
    }

    @Test
    void aRecordDeletedByABulkJobIsInQueryAllOnly() throws Exception {
        JsonNode inserted = s.ingest("{\"object\":\"Account\",\"operation\":\"insert\"}",
                "Name\nRest Keep\nRest Gone\n");
        String ids = s.text(BulkServer.V + "/jobs/ingest/" + inserted.get("id").asText() + "/successfulResults");
        String gone = ids.split("\n")[2].substring(1, 19);
        s.ingest("{\"object\":\"Account\",\"operation\":\"delete\"}", "Id\n" + gone + "\n");
        String soql = "SELECT Name, IsDeleted FROM Account WHERE Name LIKE 'Rest %' ORDER BY Name";
        assertThat(names("query", soql)).containsExactly("Rest Keep/false");
        assertThat(names("queryAll", soql)).containsExactly("Rest Gone/true", "Rest Keep/false");
    }
}
