package dev.kinetic.emulator.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a test can do to its local org beyond the Salesforce APIs, through the org's control plane: reset it, seed
 * records, inject faults, decide when jobs run, and expire tokens. Thread-safe.
 *
 * <pre>{@code
 * @Test
 * void retriesAFailedUpload(SalesforceClient client, LocalOrgControl control) {
 *     InjectedFault fault = control.inject(FaultSpec.onUploads().respond(503).times(1));
 *     BulkResult result = client.bulk().insert("Account", List.of(Map.of("Name", "Acme")));
 *     assertEquals(1, fault.injections());
 *     assertEquals(1, result.successCount());
 * }
 * }</pre>
 */
public final class LocalOrgControl {
    private final ControlChannel channel;
    private final LocalOrg org;
    private FaultProxy proxy;

    /**
     * A control for this org.
     *
     * @param org a running local org
     */
    public LocalOrgControl(LocalOrg org) {
        this.org = Objects.requireNonNull(org, "org == null");
        this.channel = new ControlChannel(org);
    }

    /**
     * Deletes every record (but the admin user) and every job, removes every fault rule (the org's and the
     * {@link #faultProxy()}'s) and restores the configured job progression. Credentials, issued tokens and the token
     * lifetime stay.
     */
    public void reset() {
        channel.call("POST", "reset", null);
        synchronized (this) {
            if (proxy != null) {
                proxy.clear();
            }
        }
    }

    /**
     * {@return a {@link FaultProxy} in front of this org, started on first use} Under {@link LocalOrgExtension} it is
     * stopped with the org; for a control made with the constructor, close it yourself. It cuts or rewrites answers
     * on their way back, which the org's own rules ({@link #inject(FaultSpec)}) cannot; a client reaches the org
     * through it when its login URL is the proxy's {@link FaultProxy#uri()} (see
     * {@link LocalOrgExtension#clientBuilderThroughProxy()}).
     */
    public synchronized FaultProxy faultProxy() {
        if (proxy == null) {
            proxy = FaultProxy.start(org.baseUri());
        }
        return proxy;
    }

    /** Stops the fault proxy, if one was started. */
    synchronized void close() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /**
     * Inserts records directly, as the admin user, through the same validation as Bulk ingest.
     *
     * @param object the object's API name, e.g. {@code Account}
     * @param records field values by field name; relationship columns such as {@code Owner.Email} are accepted
     * @return the new records' ids, in input order
     * @throws IllegalStateException naming each refused row if any row fails (the other rows stay inserted)
     */
    public List<String> seed(String object, List<? extends Map<String, ?>> records) {
        JsonNode answer = channel.call("POST", "records/" + Objects.requireNonNull(object, "object == null"),
                List.copyOf(records));
        List<String> ids = new ArrayList<>();
        answer.path("ids").forEach(id -> ids.add(id.asText()));
        return List.copyOf(ids);
    }

    /**
     * Adds a fault rule: from now on matching requests get the fault. Rules are tried in the order they were added.
     *
     * @param fault what to match and what to do
     * @return the rule, to count its hits or remove it
     * @throws IllegalStateException if the org refuses the rule (e.g. it has no effect)
     */
    public InjectedFault inject(FaultSpec fault) {
        JsonNode answer = channel.call("POST", "faults", fault.toRule());
        return new InjectedFault(channel, answer.path("id").asText(), fault);
    }

    /** Removes every fault rule. */
    public void clearFaults() {
        channel.call("DELETE", "faults", null);
    }

    /** Jobs that become ready from now on run at once (the default). */
    public void jobsRunImmediately() {
        channel.call("PUT", "progression", Map.of("mode", "immediate"));
    }

    /**
     * Jobs that become ready from now on stay {@code UploadComplete} until their status has been read this many
     * times: a test can watch, abort or time out on a job that is not done yet.
     *
     * @param polls 0 or more
     */
    public void jobsRunAfterPolls(int polls) {
        if (polls < 0) {
            throw new IllegalArgumentException("polls must be 0 or more, got " + polls);
        }
        channel.call("PUT", "progression", Map.of("mode", "afterPolls", "polls", polls));
    }

    /**
     * Jobs that become ready from now on wait this long, on the org's clock, before they run.
     *
     * @param delay 0 or more
     */
    public void jobsRunAfterDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        channel.call("PUT", "progression", Map.of("mode", "afterDelay", "delayMillis", delay.toMillis()));
    }

    /** Expires every access token issued so far: the next API call with one answers 401 INVALID_SESSION_ID. */
    public void expireAccessTokens() {
        channel.call("POST", "tokens/expire", null);
    }

    /**
     * Sets the lifetime of access tokens issued from now on (a reset keeps it).
     *
     * @param lifetime at least one second
     */
    public void accessTokenLifetime(Duration lifetime) {
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("the lifetime must be at least one second, got " + lifetime);
        }
        channel.call("PUT", "tokens", Map.of("ttlSeconds", lifetime.toSeconds()));
    }

    /**
     * {@return a refresh token for the admin user and the org's connected app, as if the user had approved the app}
     */
    public String refreshToken() {
        return channel.call("POST", "refresh-tokens", Map.of()).path("refresh_token").asText();
    }
}
