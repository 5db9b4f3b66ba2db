package dev.kinetic.core.testing;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.Sleeper;
import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.PollOptions;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.emulator.LocalOrgCredentials;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.time.Duration;
import java.util.Map;

/**
 * How kinetic-core's ITs use the local org of kinetic-emulator-junit: an extension whose client retries and polls
 * wait at most a few milliseconds, options that poll every 10 ms, and the JWT variables of the org's credentials.
 */
public final class ItOrg {
    /** Polls every 10 ms: the local org finishes jobs in milliseconds. */
    public static final PollOptions FAST_POLL = PollOptions.builder().pollInterval(Duration.ofMillis(10))
            .maxPollInterval(Duration.ofMillis(20)).build();
    /** Ingest options that poll every 10 ms. */
    public static final IngestOptions FAST = IngestOptions.builder().poll(FAST_POLL).build();
    /** Query options that poll every 10 ms. */
    public static final QueryOptions FAST_QUERY = QueryOptions.builder().poll(FAST_POLL).build();

    private ItOrg() {
    }

    /** An org per class, reset before each test, whose clients back off for a few milliseconds. */
    public static LocalOrgExtension extension() {
        return extensionBuilder().build();
    }

    /** The builder of {@link #extension()}, to change the lifecycle or the reset. */
    public static LocalOrgExtension.Builder extensionBuilder() {
        return LocalOrgExtension.builder().client(ItOrg::fastClient);
    }

    /** Back-offs of 1 to 5 ms, eight retries, and a sleeper that waits at most 5 ms. */
    public static void fastClient(SalesforceClient.Builder client) {
        client.initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).maxRetries(8)
                .sleeper(shortSleeper());
    }

    /** Sleeps at most 5 ms whatever it is asked, so Retry-After and poll intervals do not slow tests down. */
    public static Sleeper shortSleeper() {
        return d -> Sleeper.system().sleep(d.compareTo(Duration.ofMillis(5)) > 0 ? Duration.ofMillis(5) : d);
    }

    /** The variables of {@code local-org.env} for {@code JwtAuthenticator.fromEnv(Map)}. */
    public static Map<String, String> jwtEnv(LocalOrgCredentials c) {
        return Map.of("SF_CLIENT_ID", c.clientId(), "SF_USERNAME", c.username(),
                "SF_PRIVATE_KEY_PATH", c.privateKeyPath().toString(), "SF_LOGIN_URL", c.loginUrl().toString());
    }
}
