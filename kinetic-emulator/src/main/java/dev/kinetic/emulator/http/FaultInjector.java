package dev.kinetic.emulator.http;

import java.util.Optional;

/** Decides, for each request, whether a fault is injected (the control plane's fault rules implement it). */
@FunctionalInterface
public interface FaultInjector {
    /** Never injects anything. */
    FaultInjector NONE = (method, path) -> Optional.empty();

    /**
     * The fault to inject into this request, if a rule matches; counts the injection.
     *
     * @param method the HTTP method in upper case
     * @param path the decoded request path
     */
    Optional<InjectedFault> match(String method, String path);
}
