package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A caller's own HttpClient and Executor carry every call and every parallel task, within the call's bounds. */
class OwnPartsIT {
    @RegisterExtension
    static final LocalOrgExtension ORG = ItOrg.extension();

    /** Counts the requests the HTTP client routes, and sends them direct (the org is on loopback). */
    private static final class CountingSelector extends ProxySelector {
        final AtomicInteger requests = new AtomicInteger();
        final List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public List<Proxy> select(URI uri) {
            requests.incrementAndGet();
            paths.add(uri.getPath());
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    }

    @Test
    void theGivenHttpClientAndExecutorDoTheWorkWithinTheParallelBounds() {
        CountingSelector selector = new CountingSelector();
        HttpClient http = HttpClient.newBuilder().proxy(selector).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger tasks = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (SalesforceClient client = ORG.clientBuilder().httpClient(http).executor(task -> {
                    tasks.incrementAndGet();
                    pool.execute(() -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            task.run();
                        } finally {
                            running.decrementAndGet();
                        }
                    });
                }).build()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                rows.add(Map.of("Name", "Own parts " + i, "NumberOfEmployees", i));
            }
            BulkResult r = client.bulk().insert("Account", BulkInput.ofRows(rows),
                    ItOrg.FAST.toBuilder().maxBytesPerJob(2 * 1024).parallelJobs(2).build());
            assertThat(r.jobs()).hasSizeGreaterThan(2);
            assertThat(r.successCount()).isEqualTo(400);
            assertThat(tasks.get()).isEqualTo(2);
            assertThat(mostAtOnce.get()).isLessThanOrEqualTo(2);
            int before = tasks.get();
            BulkQueryResult q = client.bulk().query("SELECT Name FROM Account WHERE Name LIKE 'Own parts %'",
                    ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(100).resultPages(2).build());
            assertThat(q.recordCount()).isEqualTo(400);
            assertThat(tasks.get()).isGreaterThan(before);
            assertThat(selector.requests.get()).isGreaterThan(r.jobs().size() * 3);
            assertThat(selector.paths).as("the sign-in's token request").contains("/services/oauth2/token");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signInsAndRenewedSessionsAskForTokensThroughTheGivenHttpClient() {
        CountingSelector selector = new CountingSelector();
        HttpClient http = HttpClient.newBuilder().proxy(selector).version(HttpClient.Version.HTTP_1_1).build();
        try (SalesforceClient client = ORG.clientBuilder().httpClient(http).build()) {
            assertThat(selector.paths).containsExactly("/services/oauth2/token");
            ORG.control().expireAccessTokens();
            client.bulk().listJobs(JobKind.INGEST);
            assertThat(selector.paths.stream().filter("/services/oauth2/token"::equals)).hasSize(2);
        }
    }

    @Test
    void closingTheClientLeavesAGivenExecutorRunning() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SalesforceClient client = ORG.clientBuilder().executor(pool).build();
            client.close();
            assertThat(pool.isShutdown()).isFalse();
            assertThat(pool.submit(() -> 42).get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(42);
        } finally {
            pool.shutdownNow();
        }
    }
}
