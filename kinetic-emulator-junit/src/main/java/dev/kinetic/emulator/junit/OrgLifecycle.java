package dev.kinetic.emulator.junit;

/** How long one local org lives under {@link LocalOrgExtension}: a test class, or a single test method. */
public enum OrgLifecycle {
    /**
     * One org for the whole test class (and its {@code @Nested} classes), started before the first test and stopped
     * after the last; reset before each test unless resetting is turned off.
     */
    PER_CLASS,
    /** A new org for every test method, stopped when the method's {@code @AfterEach} methods have run. */
    PER_METHOD
}
