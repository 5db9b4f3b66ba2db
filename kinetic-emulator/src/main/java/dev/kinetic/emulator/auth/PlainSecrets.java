package dev.kinetic.emulator.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The plain values of the org's verified-only secrets as the last start handed them out (read back from
 * {@code local-org.env}). The database keeps only salted hashes of them, so these are how a restart hands out the
 * same values again; a value that is absent or no longer matches its hash is replaced by a new one. Immutable;
 * {@link #toString()} redacts the values.
 *
 * @param clientSecret the connected app's consumer secret
 * @param password the admin's password
 * @param securityToken the admin's security token
 */
public record PlainSecrets(Optional<String> clientSecret, Optional<String> password,
                           Optional<String> securityToken) {
    /** Checks that nothing is null. */
    public PlainSecrets {
        Objects.requireNonNull(clientSecret, "clientSecret == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(securityToken, "securityToken == null");
    }

    /** No known values: a first start, an in-memory org, or a lost {@code local-org.env}. */
    public static PlainSecrets none() {
        return new PlainSecrets(Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "PlainSecrets[(redacted)]";
    }
}
