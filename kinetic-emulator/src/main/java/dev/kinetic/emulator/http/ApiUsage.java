package dev.kinetic.emulator.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts API requests to {@code /services/data/vXX.X/...}, as the org's daily API request allocation does, for the
 * {@code Sforce-Limit-Info} header and {@code /limits}. Nothing is ever refused for exceeding it. Thread-safe.
 */
public final class ApiUsage {
    /** The daily API request allocation reported (a Developer Edition's 15,000). */
    public static final long DAILY_MAX = 15_000;

    private final AtomicLong used = new AtomicLong();

    /** Counts one request and returns the new total. */
    public long count() {
        return used.incrementAndGet();
    }

    /** Requests counted so far. */
    public long used() {
        return used.get();
    }

    /** Requests left of the allocation (never negative). */
    public long remaining() {
        return Math.max(0, DAILY_MAX - used.get());
    }

    /** The header value, e.g. {@code api-usage=12/15000}. */
    public String headerValue(long usedNow) {
        return "api-usage=" + usedNow + "/" + DAILY_MAX;
    }
}
