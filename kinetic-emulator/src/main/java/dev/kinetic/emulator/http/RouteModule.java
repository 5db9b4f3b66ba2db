package dev.kinetic.emulator.http;

/** A group of routes (OAuth, Bulk jobs, control plane…) that registers itself on the route table. */
public interface RouteModule {
    /** Adds this module's routes. */
    void register(Routes routes);

    /** Forgets all state this module keeps (the control plane's reset). */
    default void reset() {
    }

    /** Releases threads and files; called when the org stops. */
    default void close() {
    }
}
