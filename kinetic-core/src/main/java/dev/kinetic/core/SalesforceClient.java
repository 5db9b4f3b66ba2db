package dev.kinetic.core;

import dev.kinetic.core.auth.Authenticator;
import dev.kinetic.core.bulk.BulkClient;
import dev.kinetic.core.internal.ClientConfig;
import dev.kinetic.core.internal.DefaultExecutor;
import dev.kinetic.core.internal.bulk.DefaultBulkClient;
import dev.kinetic.core.internal.http.HttpTransport;
import dev.kinetic.core.internal.schema.DescribeReader;
import dev.kinetic.core.schema.SObjectDescribe;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The entry point: a connection to one org, from which {@link #bulk()} reaches the Bulk API 2.0.
 *
 * <pre>{@code
 * SalesforceClient client = SalesforceClient.connect(JwtAuthenticator.fromEnv());
 * BulkResult result = client.bulk().insert("Account", accounts);
 * }</pre>
 *
 * <p>Thread-safe; share one instance. A client built with {@link #connect(Authenticator)} re-authenticates once by
 * itself when Salesforce answers 401 {@code INVALID_SESSION_ID}; one built from a plain session cannot.
 */
public final class SalesforceClient implements AutoCloseable {
    private final HttpTransport transport;
    private final BulkClient bulk;
    private final ExecutorService ownedExecutor; // the default one, shut down on close; null if the caller gave one

    /**
     * Creates a client for a session. It cannot re-authenticate: when the token expires, calls fail with
     * {@link BulkApiException} 401 {@code INVALID_SESSION_ID}. Prefer {@link #connect(Authenticator)}.
     *
     * @param session the session
     */
    public SalesforceClient(SalesforceSession session) {
        this(builder().session(session));
    }

    private SalesforceClient(Builder b) {
        this.ownedExecutor = b.executor == null ? DefaultExecutor.create() : null;
        Executor executor = b.executor != null ? b.executor : ownedExecutor;
        ClientConfig config = new ClientConfig(b.maxRetries, b.initialBackoff, b.maxBackoff, b.requestTimeout,
                b.connectTimeout, b.sleeper, b.clock, executor);
        HttpClient http = b.httpClient != null ? b.httpClient : HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).executor(executor).build();
        try {
            this.transport = new HttpTransport(b.session, b.authenticator, config, http);
        } catch (RuntimeException e) {
            if (ownedExecutor != null) {
                ownedExecutor.shutdownNow();
            }
            throw e;
        }
        this.bulk = new DefaultBulkClient(transport, config);
    }

    /**
     * Authenticates and creates a client that re-authenticates through the same authenticator when the session
     * expires.
     *
     * @param authenticator how to obtain sessions
     * @return the connected client
     * @throws AuthenticationException if the first authentication fails
     */
    public static SalesforceClient connect(Authenticator authenticator) {
        return builder().authenticator(authenticator).build();
    }

    /** {@return a builder for clients with non-default retry and timeout settings} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the Bulk API 2.0 client of this connection} */
    public BulkClient bulk() {
        return bulk;
    }

    /**
     * Reads an object's describe ({@code GET …/sobjects/{object}/describe}), with the client's retries and
     * re-authentication.
     *
     * @param object the object's API name, e.g. {@code Account}
     * @return its describe
     * @throws BulkApiException with status 404 ({@code NOT_FOUND}) when the org has no such object
     */
    public SObjectDescribe describe(String object) {
        return new DescribeReader(transport).describe(object);
    }

    /** {@return the current session (it changes after a re-authentication)} */
    public SalesforceSession session() {
        return transport.session();
    }

    /**
     * Releases the HTTP connections and the default executor's threads. Calls in progress may fail. An
     * {@code HttpClient} or {@code Executor} given to the builder is left to its owner.
     */
    @Override
    public void close() {
        transport.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "SalesforceClient[" + transport.session() + "]";
    }

    /**
     * Builds a {@link SalesforceClient}. Give either a session or an authenticator (or both: the session is used
     * first and the authenticator when it expires). Not thread-safe.
     */
    public static final class Builder {
        private SalesforceSession session;
        private Authenticator authenticator;
        private int maxRetries = 6;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofMinutes(10);
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;
        private Executor executor;

        private Builder() {
        }

        /**
         * The HTTP client for every call to the org (a proxy with authentication, mTLS, your own connection pool).
         * It is used as given: its connect timeout, redirect policy and protocol version are yours to set
         * (the default client does not follow redirects and speaks HTTP/1.1); {@link #connectTimeout} does not
         * apply to it, and closing the Salesforce client does not close it. The client's sign-ins and re-sign-ins
         * through the built-in authenticators post their token requests through it too (an authenticator called
         * on its own, outside a client, uses a default client).
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
            return this;
        }

        /**
         * The executor for parallel work: split jobs uploaded and awaited at the same time, result pages fetched in
         * parallel, and the default HTTP client's own tasks. The default runs each task on a virtual thread under
         * Java 21 and later, and on a pool of daemon threads under Java 17. Parallelism stays bounded by
         * {@link dev.kinetic.core.bulk.IngestOptions#parallelJobs()} and
         * {@link dev.kinetic.core.bulk.QueryOptions#resultPages()} whatever the executor. It is not shut down when
         * the client closes.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor == null");
            return this;
        }

        /**
         * The session to use.
         *
         * @param session the session
         * @return this builder
         */
        public Builder session(SalesforceSession session) {
            this.session = Objects.requireNonNull(session, "session == null");
            return this;
        }

        /**
         * The authenticator to obtain a session from, and to re-authenticate with once when it expires.
         *
         * @param authenticator the authenticator
         * @return this builder
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator == null");
            return this;
        }

        /**
         * How many times a transient failure (429, 500, 502, 503, 504, reset, timeout) is retried; default 6.
         *
         * @param maxRetries zero or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0; got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The first back-off before a retry (doubled each time, jittered, capped); default 500 ms.
         *
         * @param initialBackoff a positive duration
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * The cap of the back-off between retries; default 30 s.
         *
         * @param maxBackoff a positive duration
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * How long one HTTP exchange may take before it counts as a timeout; default 10 minutes.
         *
         * @param requestTimeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * How long connecting may take; default 30 s.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How to wait between retries and polls; tests inject one that does not sleep.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
            return this;
        }

        /**
         * The clock (default the system's): it dates {@code Retry-After} answers and measures how long a job has
         * not moved ({@link dev.kinetic.core.bulk.PollOptions#stallTimeout()}). Tests inject their own.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /**
         * Builds the client, authenticating first if only an authenticator was given.
         *
         * @return the client
         * @throws IllegalStateException if neither a session nor an authenticator was given
         * @throws AuthenticationException if authentication fails
         */
        public SalesforceClient build() {
            if (session == null && authenticator == null) {
                throw new IllegalStateException("SalesforceClient needs a session or an authenticator; give one with "
                        + "session(...) or authenticator(...)");
            }
            return new SalesforceClient(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive; got " + d);
            }
            return d;
        }
    }
}
