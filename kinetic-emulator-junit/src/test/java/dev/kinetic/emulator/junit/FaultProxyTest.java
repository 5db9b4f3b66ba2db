package dev.kinetic.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.emulator.LocalOrg;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The org's fault proxy, spoken to over raw HTTP: answers cut, rewritten or replaced as its rules say, requests
 * counted, rules gone after a reset, and a client built through it meeting them.
 */
class FaultProxyTest {
    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder()
            .client(client -> client.initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)))
            .build();
    private static final String JOBS = "/services/data/v62.0/jobs/ingest";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // GET of the ingest job list through the proxy, with the admin's token.
    private HttpResponse<String> listJobs(FaultProxy proxy, LocalOrg org) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(proxy.uri() + JOBS))
                .header("Authorization", "Bearer " + org.accessToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void passesAnswersOnUntouchedAndCountsTheRequests(LocalOrgControl control, LocalOrg org) throws Exception {
        FaultProxy proxy = control.faultProxy();

        HttpResponse<String> answer = listJobs(proxy, org);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"records\"");
        assertThat(proxy.count("GET", "/jobs/ingest$")).isEqualTo(1);
        assertThat(proxy.requests()).containsExactly("GET " + JOBS);
    }

    @Test
    void cutsRewritesAndReplacesTheChosenAnswersOnly(LocalOrgControl control, LocalOrg org) throws Exception {
        FaultProxy proxy = control.faultProxy();
        FaultProxy.Rule cut = proxy.on("GET", "/jobs/ingest$").cutClose(5); // each rule acts once, in order
        proxy.on("GET", "/jobs/ingest$").rewrite(body -> "{\"rewritten\":true}");
        proxy.on("GET", "/jobs/ingest$").status(503, "7");

        HttpResponse<String> first = listJobs(proxy, org);
        HttpResponse<String> second = listJobs(proxy, org);
        HttpResponse<String> third = listJobs(proxy, org);
        HttpResponse<String> fourth = listJobs(proxy, org);

        assertThat(first.body()).hasSize(5);
        assertThat(cut.applied()).isEqualTo(1);
        assertThat(second.body()).isEqualTo("{\"rewritten\":true}");
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).contains("7");
        assertThat(third.body()).contains("SERVER_UNAVAILABLE");
        assertThat(fourth.statusCode()).isEqualTo(200);
        assertThat(fourth.body()).contains("\"records\"");
    }

    @Test
    void anOccurrenceLetsTheEarlierMatchingRequestsThrough(LocalOrgControl control, LocalOrg org) throws Exception {
        FaultProxy proxy = control.faultProxy();
        FaultProxy.Rule second = proxy.on("GET", "/jobs/ingest$").occurrence(2).rewrite(body -> "{}");

        assertThat(listJobs(proxy, org).body()).contains("\"records\"");
        assertThat(listJobs(proxy, org).body()).isEqualTo("{}");
        assertThat(listJobs(proxy, org).body()).contains("\"records\"");
        assertThat(second.applied()).isEqualTo(1);
    }

    @Test
    void aChunkedCutEndsTheAnswerWithAnError(LocalOrgControl control, LocalOrg org) {
        FaultProxy proxy = control.faultProxy();
        proxy.on("GET", "/jobs/ingest$").cutChunked(5);

        assertThatThrownBy(() -> listJobs(proxy, org)).isInstanceOf(IOException.class);
    }

    @Test
    void aResetRemovesTheRulesAndForgetsTheRequests(LocalOrgControl control, LocalOrg org) throws Exception {
        FaultProxy proxy = control.faultProxy();
        proxy.on("GET", "/jobs/ingest$").times(Integer.MAX_VALUE).status(500, null);
        assertThat(listJobs(proxy, org).statusCode()).isEqualTo(500);

        control.reset();

        assertThat(proxy.requests()).isEmpty();
        assertThat(listJobs(proxy, org).statusCode()).isEqualTo(200);
        assertThat(control.faultProxy()).isSameAs(proxy);
    }

    @Test
    void aClientBuiltThroughTheProxySignsInAndCallsThroughIt(LocalOrgControl control) {
        FaultProxy proxy = control.faultProxy();
        proxy.on("GET", "/jobs/ingest$").status(503, "0");

        try (SalesforceClient client = ORG.clientBuilderThroughProxy().build()) {
            assertThat(client.bulk().listJobs(JobKind.INGEST).jobs()).isEmpty();
        }

        assertThat(proxy.count("POST", "/services/oauth2/token$")).isEqualTo(1);
        assertThat(proxy.count("GET", "/jobs/ingest$")).isEqualTo(2); // the 503, then the retry
    }
}
