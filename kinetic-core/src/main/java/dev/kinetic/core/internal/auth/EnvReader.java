package dev.kinetic.core.internal.auth;

import dev.kinetic.core.AuthenticationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads SF_* variables and collects the missing ones, so one error names them all. */
public final class EnvReader {
    private final Map<String, String> env;
    private final String who;
    private final List<String> missing = new ArrayList<>();

    public EnvReader(Map<String, String> env, String who) {
        this.env = env;
        this.who = who;
    }

    public String required(String name) {
        String v = optional(name);
        if (v == null) {
            missing.add(name);
        }
        return v;
    }

    public String optional(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public String optionalOr(String name, String fallback) {
        String v = optional(name);
        return v == null ? fallback : v;
    }

    public void missing(String description) {
        missing.add(description);
    }

    /** Throws if any required variable was missing. */
    public void check() {
        if (!missing.isEmpty()) {
            throw new AuthenticationException(who + ".fromEnv() needs environment variable"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; set "
                    + (missing.size() > 1 ? "them" : "it") + " (for a local org, source the local-org.env that "
                    + "'kinetic serve' writes)");
        }
    }
}
