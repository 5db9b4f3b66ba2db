package dev.kinetic.emulator.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A fault rule the local org is applying, as returned by {@link LocalOrgControl#inject(FaultSpec)}: how often it has
 * hit, and a way to remove it. Thread-safe.
 */
public final class InjectedFault {
    private final ControlChannel channel;
    private final String id;
    private final FaultSpec spec;

    InjectedFault(ControlChannel channel, String id, FaultSpec spec) {
        this.channel = channel;
        this.id = Objects.requireNonNull(id, "id == null");
        this.spec = spec;
    }

    /** {@return the rule's id in the org, e.g. {@code fault-1}} */
    public String id() {
        return id;
    }

    /** {@return the spec the rule was made from} */
    public FaultSpec spec() {
        return spec;
    }

    /**
     * {@return how many requests the rule has hit so far}
     *
     * @throws IllegalStateException if the rule is gone (removed, or the org was reset)
     */
    public long injections() {
        for (JsonNode rule : channel.call("GET", "faults", null)) {
            if (id.equals(rule.path("id").asText())) {
                return rule.path("injected").asLong();
            }
        }
        throw new IllegalStateException("The local org has no fault rule " + id
                + " any more: it was removed or the org was reset");
    }

    /** Removes the rule; requests are served normally again. Does nothing if it is already gone. */
    public void remove() {
        for (JsonNode rule : channel.call("GET", "faults", null)) {
            if (id.equals(rule.path("id").asText())) {
                channel.call("DELETE", "faults/" + id, null);
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "InjectedFault[" + id + ", " + spec + "]";
    }
}
