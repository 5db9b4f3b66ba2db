package dev.kinetic.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The control a test gets from the extension: seeding, faults the client meets, job progression, tokens. */
class LocalOrgControlTest {
    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder()
            .client(client -> client.initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)))
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    // A raw Bulk API call with the admin's token, so that the org's own answers are seen without our client.
    private JsonNode api(LocalOrg org, String method, String path, String body) throws IOException,
            InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(org.baseUri()
                        + "/services/data/v62.0" + path))
                .header("Authorization", "Bearer " + org.accessToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    @Test
    void seedReturnsTheIdsInInputOrderAndTheRecordsAreQueryable(LocalOrgControl control, SalesforceClient client) {
        List<String> ids = control.seed("Account", List.of(Map.of("Name", "First"), Map.of("Name", "Second")));

        assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).startsWith("001"));
        List<String> names = new ArrayList<>();
        for (String id : ids) {
            names.add(client.bulk().query("SELECT Name FROM Account WHERE Id = '" + id + "'").records().get(0)
                    .get("Name"));
        }
        assertThat(names).containsExactly("First", "Second");
    }

    @Test
    void seedOfARefusedRowNamesTheRowsError(LocalOrgControl control) {
        Throwable failure = catchThrowable(() -> control.seed("Account", List.of(Map.of("Industry", "No name"))));

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POST /__emulator/records/Account").hasMessageContaining("400")
                .hasMessageContaining("REQUIRED_FIELD_MISSING");
    }

    @Test
    void anUploadFaultIsMetOnceByTheClientWhichRetriesAndLoadsEveryRow(LocalOrgControl control,
                                                                       SalesforceClient client) {
        InjectedFault fault = control.inject(FaultSpec.onUploads().respond(503).times(1));

        BulkResult result = client.bulk().insert("Account", List.of(Map.of("Name", "Despite the 503")));

        assertThat(fault.injections()).isEqualTo(1);
        assertThat(result.successCount()).isEqualTo(1);
        assertThat(client.bulk().query("SELECT Id FROM Account").recordCount()).isEqualTo(1);
    }

    @Test
    void aJobCreationFaultFailsTheCallUntilItIsRemoved(LocalOrgControl control, SalesforceClient client) {
        InjectedFault fault = control.inject(FaultSpec.onJobCreation()
                .respond(400, "API_ERROR", "Injected by the test"));

        Throwable failure = catchThrowable(() -> client.bulk().query("SELECT Id FROM Account"));
        assertThat(failure).isInstanceOf(BulkApiException.class).hasMessageContaining("Injected by the test");
        assertThat(fault.injections()).isEqualTo(1);

        fault.remove();
        assertThat(client.bulk().query("SELECT Id FROM Account").recordCount()).isZero();
        assertThat(catchThrowable(fault::injections)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(fault.id());
    }

    @Test
    void jobsHeldForPollsStayUploadCompleteThenRunAndResetRunsThemAtOnceAgain(LocalOrg org, LocalOrgControl control)
            throws Exception {
        control.jobsRunAfterPolls(1000);
        String query = "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Account\"}";
        String held = api(org, "POST", "/jobs/query", query).path("id").asText();

        assertThat(api(org, "GET", "/jobs/query/" + held, null).path("state").asText()).isEqualTo("UploadComplete");
        assertThat(api(org, "GET", "/jobs/query/" + held, null).path("state").asText()).isEqualTo("UploadComplete");

        control.reset();
        String next = api(org, "POST", "/jobs/query", query).path("id").asText();
        int reads = 0;
        String state;
        do {
            state = api(org, "GET", "/jobs/query/" + next, null).path("state").asText();
            reads++;
        } while (!state.equals("JobComplete") && reads < 500); // a held job would need 1000 reads
        assertThat(state).as("after " + reads + " reads").isEqualTo("JobComplete");
    }

    @Test
    void expiredTokensAreRenewedByTheInjectedClient(LocalOrg org, LocalOrgControl control, SalesforceClient client)
            throws Exception {
        String before = client.session().accessToken();
        control.expireAccessTokens();

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(org.baseUri()
                        + "/services/data/v62.0/jobs/ingest")).header("Authorization", "Bearer " + before).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(client.bulk().query("SELECT Id FROM Account").recordCount()).isZero();
        assertThat(client.session().accessToken()).isNotEqualTo(before);
    }

    @Test
    void refreshTokenIsMintedForTheAdmin(LocalOrgControl control) {
        assertThat(control.refreshToken()).isNotBlank();
    }

    @Test
    void aControlCallToAStoppedOrgNamesTheOrgAndTheCall() {
        LocalOrg stopped = LocalOrg.start(LocalOrgConfig.defaults());
        LocalOrgControl control = new LocalOrgControl(stopped);
        stopped.close();

        assertThat(catchThrowable(control::reset)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Cannot reach the local org's control plane at " + stopped.baseUri())
                .hasMessageContaining("POST /__emulator/reset")
                .hasMessageNotContaining(stopped.controlSecret());
    }

    @Test
    void faultSpecsAreValidatedBeforeAnythingIsSent() {
        assertThat(catchThrowable(() -> FaultSpec.onUploads().times(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThat(catchThrowable(() -> FaultSpec.onUploads().rate(1.5, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThat(catchThrowable(() -> ORG.control().inject(FaultSpec.onUploads())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("400");
    }
}
