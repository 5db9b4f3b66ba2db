package dev.kinetic.emulator.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The org's verified-only secrets at rest: the connected app's client secret (table {@code KINETIC_CONNECTED_APP})
 * and the admin's password and security token ({@code KINETIC_USER_PASSWORD}) are stored as {@link SecretHash}es.
 * On open it turns what is stored back into the plain values to hand out: a plain-text value left by a store from
 * before hashing is kept and hashed in place (migration); a hash is matched against the value the last start handed
 * out ({@link PlainSecrets}); a hash that nothing known matches is replaced by a new secret, as a lost private key is
 * replaced by a new pair. Not thread-safe: used once at start-up.
 */
final class HashedSecrets {
    /** The length of every security token; the password flow's {@code password} is the password then the token. */
    static final int TOKEN_LENGTH = 24;

    /** The plain values handed out. */
    record Plain(String clientSecret, String password, String securityToken) {
        @Override
        public String toString() {
            return "Plain[(redacted)]";
        }
    }

    private HashedSecrets() {
    }

    /** New random secrets for a new org. */
    static Plain generate() {
        return new Plain(newClientSecret(), newPassword(), newToken());
    }

    /** Stores the hashes of {@code plain} for the app and the user (their rows must exist). */
    static void store(Connection c, String clientId, String userId, Plain plain) throws SQLException {
        storeClientSecret(c, clientId, plain.clientSecret());
        storePassword(c, userId, plain.password(), plain.securityToken());
    }

    /**
     * The plain values of what is stored, migrating plain text to hashes and replacing secrets that nothing known
     * matches.
     */
    static Plain open(Connection c, String clientId, String userId, Row stored, PlainSecrets known)
            throws SQLException {
        Resolved secret = resolve(stored.clientSecret(), known.clientSecret(), s -> true,
                HashedSecrets::newClientSecret);
        Resolved password = resolve(stored.password(), known.password(), s -> true, HashedSecrets::newPassword);
        Resolved token = resolve(stored.securityToken(), known.securityToken(), s -> s.length() == TOKEN_LENGTH,
                HashedSecrets::newToken);
        if (secret.rewrite()) {
            storeClientSecret(c, clientId, secret.plain());
        }
        if (password.rewrite() || token.rewrite()) {
            storePassword(c, userId, password.plain(), token.plain());
        }
        return new Plain(secret.plain(), password.plain(), token.plain());
    }

    /** The stored values of one org, hashes or (before hashing) plain text. */
    record Row(String clientSecret, String password, String securityToken) {
        @Override
        public String toString() {
            return "Row[(redacted)]";
        }
    }

    private record Resolved(String plain, boolean rewrite) {
    }

    private static Resolved resolve(String stored, Optional<String> known, Predicate<String> usablePlain,
                                    Supplier<String> fresh) {
        if (!SecretHash.isHash(stored)) {
            // Plain text from a store made before hashing: keep the value the user already has, store its hash.
            return usablePlain.test(stored) ? new Resolved(stored, true) : new Resolved(fresh.get(), true);
        }
        if (known.isPresent() && SecretHash.matches(stored, known.get())) {
            return new Resolved(known.get(), false);
        }
        return new Resolved(fresh.get(), true);
    }

    private static void storeClientSecret(Connection c, String clientId, String plain) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE KINETIC_CONNECTED_APP SET CLIENT_SECRET = ? WHERE CLIENT_ID = ?")) {
            s.setString(1, SecretHash.of(plain));
            s.setString(2, clientId);
            s.executeUpdate();
        }
    }

    private static void storePassword(Connection c, String userId, String password, String token)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE KINETIC_USER_PASSWORD SET PASSWORD = ?, SECURITY_TOKEN = ? WHERE USER_ID = ?")) {
            s.setString(1, SecretHash.of(password));
            s.setString(2, SecretHash.of(token));
            s.setString(3, userId);
            s.executeUpdate();
        }
    }

    private static String newClientSecret() {
        return Secrets.alphanumeric(64).toUpperCase(Locale.ROOT);
    }

    private static String newPassword() {
        return "Kc" + Secrets.alphanumeric(14);
    }

    private static String newToken() {
        return Secrets.alphanumeric(TOKEN_LENGTH);
    }
}
