package dev.kinetic.emulator.http;

import java.util.Optional;

/**
 * What the server does to one request that a fault rule matched. Immutable.
 *
 * @param status the HTTP status to answer instead of the real response, or 0 for none
 * @param errorCode the Salesforce error code of the injected error body
 * @param message the message of the injected error body
 * @param latencyMillis a delay before anything else happens (0 for none)
 * @param drop whether to close the connection without any response
 * @param retryAfterSeconds a {@code Retry-After} header for the injected status, if any
 * @param after whether the real handler runs first (its answer is then lost: dropped or replaced by the status)
 */
public record InjectedFault(int status, String errorCode, String message, long latencyMillis, boolean drop,
                            Optional<Integer> retryAfterSeconds, boolean after) {
    /** Checks that the fault does something. */
    public InjectedFault {
        retryAfterSeconds = retryAfterSeconds == null ? Optional.empty() : retryAfterSeconds;
        if (status == 0 && !drop && latencyMillis <= 0) {
            throw new IllegalArgumentException("a fault needs a status, a latency or drop");
        }
    }
}
