package dev.kinetic.emulator.auth;

/**
 * A refused OAuth request, answered with HTTP 400 and the standard OAuth error JSON
 * {@code {"error":"invalid_grant","error_description":"…"}}.
 */
final class OAuthError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String error;

    OAuthError(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description);
    }

    static OAuthError unknownClient() {
        return new OAuthError("invalid_client_id", "client identifier invalid");
    }

    static OAuthError badClientSecret() {
        return new OAuthError("invalid_client", "invalid client credentials");
    }

    /** The OAuth error code, e.g. {@code invalid_grant}. */
    String error() {
        return error;
    }
}
