package dev.kinetic.emulator.junit;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgCredentials;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LocalOrgTest}: starts a local org in-process (on a free port of
 * {@code 127.0.0.1}, in memory) for a test class or for each test method, resets a shared org before each test,
 * stops it when its class or method is done, and resolves parameters of type {@link LocalOrg}, a signed-in
 * {@link SalesforceClient} (JWT bearer flow, so it signs in again after {@link LocalOrgControl#expireAccessTokens()}),
 * {@link LocalOrgCredentials} and {@link LocalOrgControl}. Needs JUnit Jupiter 5.13 or later.
 *
 * <p>Annotate the class with {@link LocalOrgTest}, or register a configured extension:
 *
 * <pre>{@code
 * class ClockedTest {
 *     @RegisterExtension
 *     static final LocalOrgExtension ORG = LocalOrgExtension.builder()
 *             .org(config -> config.clock(Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC)))
 *             .client(client -> client.maxRetries(2))
 *             .build();
 *
 *     @Test
 *     void insertsOnTheFixedDate() {
 *         ORG.control().inject(FaultSpec.onUploads().respond(503).times(1));
 *         ORG.client().bulk().insert("Account", List.of(Map.of("Name", "Acme")));
 *     }
 * }
 * }</pre>
 *
 * In a {@code static} field the org serves the whole class (unless {@link Builder#lifecycle(OrgLifecycle)} says
 * {@link OrgLifecycle#PER_METHOD}); in an instance field each test method gets its own. {@code @Nested} classes share
 * their enclosing class's org. Thread-safe; with tests running in parallel, take the org's parts as parameters rather
 * than from the accessors, which answer for the test that started last.
 */
public final class LocalOrgExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final String KEY = "org";
    private static final Set<Class<?>> INJECTED = Set.of(LocalOrg.class, SalesforceClient.class,
            LocalOrgCredentials.class, LocalOrgControl.class);

    private final Optional<Settings> built;
    private volatile OrgSession current;

    /** The extension as {@link LocalOrgTest} registers it: settings from the annotation. */
    public LocalOrgExtension() {
        this.built = Optional.empty();
    }

    private LocalOrgExtension(Settings settings) {
        this.built = Optional.of(settings);
    }

    /** {@return a builder for an extension to register with {@code @RegisterExtension}} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings(context).lifecycle() == OrgLifecycle.PER_CLASS) {
            current = classSession(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<OrgSession> shared = Optional.ofNullable(store(context).get(KEY, OrgSession.class));
        if (shared.isPresent()) {
            current = shared.get();
            if (settings(context).resetBeforeEachTest()) {
                current.control().reset();
            }
            return;
        }
        current = store(context).getOrComputeIfAbsent(KEY, k -> start(context), OrgSession.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        OrgSession session = Optional.ofNullable(store(context).get(KEY, OrgSession.class)).orElseGet(() -> {
            if (context.getTestMethod().isPresent() || settings(context).lifecycle() == OrgLifecycle.PER_METHOD) {
                throw new ParameterResolutionException("No local org is running for "
                        + parameter.getDeclaringExecutable() + ": a per-method org exists only while a test runs; "
                        + "take it as a parameter of the test, @BeforeEach or @AfterEach method, or use "
                        + "OrgLifecycle.PER_CLASS");
            }
            return classSession(context); // a constructor of a @TestInstance(PER_CLASS) class runs before beforeAll
        });
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalOrg.class) {
            return session.org();
        }
        if (type == LocalOrgCredentials.class) {
            return session.credentials();
        }
        if (type == LocalOrgControl.class) {
            return session.control();
        }
        return session.client();
    }

    /**
     * {@return the org of the running test}
     *
     * @throws IllegalStateException if no test of this extension is running
     */
    public LocalOrg org() {
        return running().org();
    }

    /**
     * {@return a client signed in to the org of the running test, made on first use}
     *
     * @throws IllegalStateException if no test of this extension is running
     */
    public SalesforceClient client() {
        return running().client();
    }

    /**
     * {@return a builder for another client of the org of the running test} It signs in through the JWT bearer flow
     * and has the extension's client settings; change what the test needs (its {@code HttpClient}, executor,
     * retries), then build it, and close the client when done.
     *
     * @throws IllegalStateException if no test of this extension is running
     */
    public SalesforceClient.Builder clientBuilder() {
        OrgSession session = running();
        return session.clientBuilder(session.credentials().loginUrl());
    }

    /**
     * {@return a builder for a client that signs in and calls through the org's {@link LocalOrgControl#faultProxy()}}
     * Like {@link #clientBuilder()}, but the token answer's instance URL is the proxy's, so every call of the client
     * meets the proxy's rules.
     *
     * @throws IllegalStateException if no test of this extension is running
     */
    public SalesforceClient.Builder clientBuilderThroughProxy() {
        OrgSession session = running();
        return session.clientBuilder(session.control().faultProxy().uri());
    }

    /**
     * {@return the credentials of the org of the running test}
     *
     * @throws IllegalStateException if no test of this extension is running
     */
    public LocalOrgCredentials credentials() {
        return running().credentials();
    }

    /**
     * {@return the control plane of the org of the running test: reset, seeding, faults, job progression, tokens}
     *
     * @throws IllegalStateException if no test of this extension is running
     */
    public LocalOrgControl control() {
        return running().control();
    }

    private OrgSession running() {
        OrgSession session = current;
        if (session == null) {
            throw new IllegalStateException("No local org is running: the extension's org exists from the first "
                    + "callback of a test class or method until its end; register the extension with "
                    + "@RegisterExtension and use it from a test or lifecycle method");
        }
        return session;
    }

    // The org kept in the class's store (an enclosing class's org, for a @Nested class).
    private OrgSession classSession(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext owner = classContext;
        return store(owner).getOrComputeIfAbsent(KEY, k -> start(owner), OrgSession.class);
    }

    private OrgSession start(ExtensionContext context) {
        Settings settings = settings(context);
        LocalOrgConfig.Builder config = LocalOrgConfig.builder();
        settings.org().accept(config);
        return OrgSession.start(config.build(), settings.client());
    }

    private ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(LocalOrgExtension.class, this));
    }

    private Settings settings(ExtensionContext context) {
        if (built.isPresent()) {
            return built.get();
        }
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<LocalOrgTest> annotation = AnnotationSupport.findAnnotation(c, LocalOrgTest.class);
            if (annotation.isPresent()) {
                return new Settings(annotation.get().lifecycle(), annotation.get().resetBeforeEachTest(),
                        config -> { }, client -> { });
            }
        }
        return new Settings(OrgLifecycle.PER_CLASS, true, config -> { }, client -> { });
    }

    private record Settings(OrgLifecycle lifecycle, boolean resetBeforeEachTest,
                            Consumer<LocalOrgConfig.Builder> org, Consumer<SalesforceClient.Builder> client) {
    }

    /** Builds a {@link LocalOrgExtension}. Not thread-safe. */
    public static final class Builder {
        private OrgLifecycle lifecycle = OrgLifecycle.PER_CLASS;
        private boolean resetBeforeEachTest = true;
        private Consumer<LocalOrgConfig.Builder> org = config -> { };
        private Consumer<SalesforceClient.Builder> client = builder -> { };

        private Builder() {
        }

        /**
         * One org per class (the default, for a {@code static} field) or per test method.
         *
         * @param lifecycle how long an org lives
         * @return this builder
         */
        public Builder lifecycle(OrgLifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle == null");
            return this;
        }

        /**
         * Whether a per-class org is reset before each test (default: yes). A reset deletes every record and job,
         * removes the fault rules and restores the configured job progression; credentials, issued tokens and the
         * token lifetime stay.
         *
         * @param reset {@code false} to let tests see what earlier tests left
         * @return this builder
         */
        public Builder resetBeforeEachTest(boolean reset) {
            this.resetBeforeEachTest = reset;
            return this;
        }

        /**
         * Settings of the org beyond the defaults (in memory, a free port of {@code 127.0.0.1}): its clock, schema
         * files, token lifetime, job progression, worker threads.
         *
         * @param settings applied to a fresh {@link LocalOrgConfig.Builder} for every org started
         * @return this builder
         */
        public Builder org(Consumer<LocalOrgConfig.Builder> settings) {
            this.org = Objects.requireNonNull(settings, "settings == null");
            return this;
        }

        /**
         * Settings of the injected client beyond the defaults: retries, back-off, timeouts, its sleeper and clock.
         * The authenticator is set already.
         *
         * @param settings applied to the client's builder before it signs in
         * @return this builder
         */
        public Builder client(Consumer<SalesforceClient.Builder> settings) {
            this.client = Objects.requireNonNull(settings, "settings == null");
            return this;
        }

        /** {@return the extension, to put in a {@code @RegisterExtension} field} */
        public LocalOrgExtension build() {
            return new LocalOrgExtension(new Settings(lifecycle, resetBeforeEachTest, org, client));
        }
    }
}
