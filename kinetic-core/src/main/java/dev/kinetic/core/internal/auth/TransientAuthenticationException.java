package dev.kinetic.core.internal.auth;

import dev.kinetic.core.AuthenticationException;
import java.util.Optional;

/**
 * The token endpoint failed in a way that may pass: 429, a 5xx, a dropped connection or an answer that broke off.
 * The client retries the sign-in with its back-off; only when it gives up does the caller see this (as an
 * {@link AuthenticationException}).
 */
public final class TransientAuthenticationException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    private final String retryAfter;

    /**
     * Creates the exception.
     *
     * @param message what failed, never a secret
     * @param retryAfter the server's Retry-After header as sent, or {@code null}
     * @param cause the underlying problem, or {@code null}
     */
    public TransientAuthenticationException(String message, String retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    /** The server's Retry-After header as sent (seconds or an HTTP-date), if it sent one. */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
