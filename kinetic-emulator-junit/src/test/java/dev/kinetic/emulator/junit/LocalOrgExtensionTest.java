package dev.kinetic.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgCredentials;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small test classes that use the extension through JUnit's engine and checks what their tests saw: one org per
 * class or per method, stopped afterwards, reset between tests, and the org's parts injected.
 */
class LocalOrgExtensionTest {
    // What the test classes below saw, in the order they ran.
    static final List<LocalOrg> ORGS = new CopyOnWriteArrayList<>();
    static final List<Long> ACCOUNTS = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clear() {
        ORGS.clear();
        ACCOUNTS.clear();
    }

    private static Events run(Class<?> testClass) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameter(OnlyThroughEngineTestKit.PARAMETER, "true").execute();
        return results.testEvents();
    }

    // True when something answers HTTP at the org's address; false when nothing listens there any more.
    private static boolean serving(URI base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            http.send(HttpRequest.newBuilder(base.resolve("/services/data")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new AssertionError("unexpected failure probing " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long accounts(SalesforceClient client) {
        return client.bulk().query("SELECT Id FROM Account").recordCount();
    }

    @OnlyThroughEngineTestKit
    @LocalOrgTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassCases {
        @Test
        @Order(1)
        void seeds(LocalOrg org, LocalOrgControl control, SalesforceClient client) {
            ORGS.add(org);
            control.seed("Account", List.of(Map.of("Name", "Left behind")));
            ACCOUNTS.add(accounts(client));
        }

        @Test
        @Order(2)
        void countsAfterTheReset(LocalOrg org, SalesforceClient client) {
            ORGS.add(org);
            ACCOUNTS.add(accounts(client));
        }
    }

    @Test
    void perClassOrgServesEveryTestIsResetBetweenThemAndStopsAfterTheClass() {
        run(PerClassCases.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(ORGS).hasSize(2);
        assertThat(ORGS.get(1)).isSameAs(ORGS.get(0));
        assertThat(ACCOUNTS).containsExactly(1L, 0L);
        assertThat(serving(ORGS.get(0).baseUri())).isFalse();
    }

    @OnlyThroughEngineTestKit
    @LocalOrgTest(resetBeforeEachTest = false)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class NoResetCases {
        @Test
        @Order(1)
        void seeds(LocalOrgControl control) {
            control.seed("Account", List.of(Map.of("Name", "Kept")));
        }

        @Test
        @Order(2)
        void counts(SalesforceClient client) {
            ACCOUNTS.add(accounts(client));
        }
    }

    @Test
    void perClassOrgWithoutResetKeepsWhatEarlierTestsLeft() {
        run(NoResetCases.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(ACCOUNTS).containsExactly(1L);
    }

    @OnlyThroughEngineTestKit
    @LocalOrgTest(lifecycle = OrgLifecycle.PER_METHOD)
    static class PerMethodCases {
        private LocalOrg fromBeforeEach;

        @BeforeEach
        void seed(LocalOrg org, LocalOrgControl control) {
            fromBeforeEach = org;
            control.seed("Account", List.of(Map.of("Name", "Seeded")));
        }

        @Test
        void first(LocalOrg org, SalesforceClient client) {
            assertThat(org).isSameAs(fromBeforeEach);
            assertThat(serving(org.baseUri())).isTrue();
            ORGS.add(org);
            ACCOUNTS.add(accounts(client));
        }

        @Test
        void second(LocalOrg org, SalesforceClient client) {
            assertThat(org).isSameAs(fromBeforeEach);
            ORGS.add(org);
            ACCOUNTS.add(accounts(client));
        }
    }

    @Test
    void perMethodOrgIsNewForEveryTestSharedWithItsBeforeEachAndStoppedAfterIt() {
        run(PerMethodCases.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(ORGS).hasSize(2);
        assertThat(ORGS.get(0)).isNotSameAs(ORGS.get(1));
        assertThat(ORGS.get(0).baseUri()).isNotEqualTo(ORGS.get(1).baseUri());
        assertThat(ACCOUNTS).containsExactly(1L, 1L);
        assertThat(ORGS).allSatisfy(org -> assertThat(serving(org.baseUri())).isFalse());
    }

    @OnlyThroughEngineTestKit
    @LocalOrgTest(lifecycle = OrgLifecycle.PER_METHOD)
    static class PerMethodInBeforeAllCases {
        @BeforeAll
        static void tooEarly(LocalOrg org) {
            ORGS.add(org);
        }

        @Test
        void never() {
        }
    }

    @Test
    void perMethodOrgCannotBeInjectedBeforeATestRuns() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PerMethodInBeforeAllCases.class))
                .configurationParameter(OnlyThroughEngineTestKit.PARAMETER, "true").execute();

        results.containerEvents().assertStatistics(s -> s.failed(1));
        Throwable failure = results.containerEvents().failed().list().get(0).getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("a per-method org exists only while a test runs")
                .hasMessageContaining("OrgLifecycle.PER_CLASS");
        assertThat(ORGS).isEmpty();
    }

    @OnlyThroughEngineTestKit
    @LocalOrgTest
    static class InjectionCases {
        @Test
        void partsBelongToOneOrg(LocalOrg org, SalesforceClient client, LocalOrgCredentials credentials,
                                 LocalOrgControl control) {
            ORGS.add(org);
            assertThat(credentials).isEqualTo(org.credentials());
            assertThat(client.session().instanceUrl()).isEqualTo(org.baseUri());
            control.seed("Account", List.of(Map.of("Name", "Through the control")));
            assertThat(accounts(client)).isEqualTo(1);
        }

        @Nested
        class Inner {
            @Test
            void sharesTheEnclosingOrg(LocalOrg org) {
                ORGS.add(org);
            }
        }
    }

    @Test
    void injectsTheOrgItsClientCredentialsAndControlAndNestedClassesShareTheOrg() {
        run(InjectionCases.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(ORGS).hasSize(2);
        assertThat(ORGS.get(1)).isSameAs(ORGS.get(0));
    }

    @OnlyThroughEngineTestKit
    static class RegisteredCases {
        static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

        @RegisterExtension
        static final LocalOrgExtension ORG = LocalOrgExtension.builder()
                .org(config -> config.clock(Clock.fixed(NOW, ZoneOffset.UTC)))
                .client(client -> client.maxRetries(0))
                .build();

        @Test
        void accessorsAnswerForTheRunningOrg(LocalOrg org) {
            ORGS.add(ORG.org());
            assertThat(ORG.org()).isSameAs(org);
            assertThat(ORG.credentials()).isEqualTo(org.credentials());
            assertThat(org.context().clock().instant()).isEqualTo(NOW);
            assertThat(ORG.client().session().instanceUrl()).isEqualTo(org.baseUri());
            ORG.control().seed("Account", List.of(Map.of("Name", "Via the accessor")));
            ACCOUNTS.add(accounts(ORG.client()));
        }
    }

    @Test
    void registeredExtensionAppliesItsSettingsAndAnswersThroughItsAccessors() {
        run(RegisteredCases.class).assertStatistics(s -> s.started(1).succeeded(1));

        assertThat(ORGS).hasSize(1);
        assertThat(ACCOUNTS).containsExactly(1L);
        assertThat(serving(ORGS.get(0).baseUri())).isFalse();
    }

    @OnlyThroughEngineTestKit
    static class InstanceFieldCases {
        @RegisterExtension
        final LocalOrgExtension org = LocalOrgExtension.builder().build();

        @Test
        void first() {
            ORGS.add(org.org());
        }

        @Test
        void second() {
            ORGS.add(org.org());
        }
    }

    @Test
    void extensionInAnInstanceFieldStartsAnOrgPerTest() {
        run(InstanceFieldCases.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(ORGS).hasSize(2);
        assertThat(ORGS.get(0)).isNotSameAs(ORGS.get(1));
        assertThat(ORGS).allSatisfy(org -> assertThat(serving(org.baseUri())).isFalse());
    }

    @Test
    void accessorsOutsideATestSayNoOrgIsRunning() {
        LocalOrgExtension extension = LocalOrgExtension.builder().build();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(extension::org))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No local org is running");
    }
}
