package dev.kinetic.emulator.http;

import java.util.Optional;

/** Checks an access token from an {@code Authorization: Bearer} header. */
@FunctionalInterface
public interface TokenVerifier {
    /** The session of a valid, unexpired token; empty when the token is unknown, revoked or expired. */
    Optional<ApiSession> verify(String accessToken);
}
