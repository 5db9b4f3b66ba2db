package dev.kinetic.emulator.auth;

import dev.kinetic.emulator.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issued access and refresh tokens. Only their SHA-256 hashes are kept: in memory for fast checks, and in the table
 * {@code KINETIC_OAUTH_TOKEN} so that tokens survive a restart of a file-backed org. Access tokens expire after the
 * current lifetime on the org's clock; refresh tokens live until revoked; revoking a refresh token also revokes the
 * access tokens minted from it. Thread-safe.
 */
final class TokenStore {
    /** One issued token. {@code expiresAt} is epoch millis, {@link Long#MAX_VALUE} for never. */
    record Issued(boolean refresh, String userId, String username, String clientId, long issuedAt, long expiresAt,
                  String parentHash) {
    }

    /** Expired access tokens are forgotten after every this many issues (an expiry only ever moves earlier). */
    static final int PRUNE_EVERY = 512;

    private final Database database;
    private final Clock clock;
    private final String orgId15;
    private final AtomicReference<Duration> ttl;
    private final Map<String, Issued> byHash = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong issuedCount = new java.util.concurrent.atomic.AtomicLong();

    TokenStore(Database database, Clock clock, String orgId15, Duration ttl) throws SQLException {
        this.database = database;
        this.clock = clock;
        this.orgId15 = orgId15;
        this.ttl = new AtomicReference<>(ttl);
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS KINETIC_OAUTH_TOKEN (TOKEN_HASH CHAR(64) PRIMARY KEY, "
                    + "REFRESH BOOLEAN NOT NULL, USER_ID CHAR(18) NOT NULL, USERNAME VARCHAR NOT NULL, "
                    + "CLIENT_ID VARCHAR NOT NULL, ISSUED_AT BIGINT NOT NULL, EXPIRES_AT BIGINT NOT NULL, "
                    + "PARENT_HASH CHAR(64))");
            try (ResultSet rs = s.executeQuery("SELECT * FROM KINETIC_OAUTH_TOKEN")) {
                while (rs.next()) {
                    byHash.put(rs.getString("TOKEN_HASH"), new Issued(rs.getBoolean("REFRESH"),
                            rs.getString("USER_ID"), rs.getString("USERNAME"), rs.getString("CLIENT_ID"),
                            rs.getLong("ISSUED_AT"), rs.getLong("EXPIRES_AT"), rs.getString("PARENT_HASH")));
                }
            }
        }
    }

    /** The lifetime of access tokens issued from now on. */
    void ttl(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, got " + lifetime);
        }
        ttl.set(lifetime);
    }

    /** A new access token ({@code <orgId15>!<random>}), optionally minted from a refresh token. */
    String issueAccess(UserDirectory.Account user, String clientId, Optional<String> fromRefreshToken) {
        String token = orgId15 + "!AQ" + Secrets.alphanumeric(94);
        long now = clock.millis();
        long expires = saturatedAdd(now, ttl.get().toMillis());
        store(token, new Issued(false, user.id(), user.username(), clientId, now, expires,
                fromRefreshToken.map(Secrets::sha256).orElse(null)));
        if (issuedCount.incrementAndGet() % PRUNE_EVERY == 0) {
            pruneExpired();
        }
        return token;
    }

    /** A new refresh token that lives until revoked. */
    String issueRefresh(UserDirectory.Account user, String clientId) {
        String token = "5Aep" + Secrets.alphanumeric(83);
        store(token, new Issued(true, user.id(), user.username(), clientId, clock.millis(), Long.MAX_VALUE, null));
        return token;
    }

    /** The access token's grant, when it is known, unrevoked and unexpired. */
    Optional<Issued> access(String token) {
        Issued i = byHash.get(Secrets.sha256(token));
        if (i == null || i.refresh() || clock.millis() >= i.expiresAt()) {
            return Optional.empty();
        }
        return Optional.of(i);
    }

    /** The refresh token's grant, when it is known and unrevoked. */
    Optional<Issued> refresh(String token) {
        Issued i = byHash.get(Secrets.sha256(token));
        return i != null && i.refresh() ? Optional.of(i) : Optional.empty();
    }

    /** Revokes an access or refresh token (and a refresh token's access tokens); false when it is unknown. */
    boolean revoke(String token) {
        String hash = Secrets.sha256(token);
        Issued i = byHash.remove(hash);
        if (i == null) {
            return false;
        }
        byHash.values().removeIf(t -> hash.equals(t.parentHash()));
        execute("DELETE FROM KINETIC_OAUTH_TOKEN WHERE TOKEN_HASH = ? OR PARENT_HASH = ?", hash, hash);
        return true;
    }

    /** Makes every access token issued so far expire now. */
    void expireAllAccessTokens() {
        long now = clock.millis();
        byHash.replaceAll((hash, i) -> i.refresh() || i.expiresAt() <= now ? i
                : new Issued(false, i.userId(), i.username(), i.clientId(), i.issuedAt(), now, i.parentHash()));
        execute("UPDATE KINETIC_OAUTH_TOKEN SET EXPIRES_AT = ? WHERE REFRESH = FALSE AND EXPIRES_AT > ?", now, now);
    }

    /** Forgets expired access tokens, in memory and in the table. */
    void pruneExpired() {
        long now = clock.millis();
        byHash.values().removeIf(i -> !i.refresh() && i.expiresAt() <= now);
        execute("DELETE FROM KINETIC_OAUTH_TOKEN WHERE REFRESH = FALSE AND EXPIRES_AT <= ?", now);
    }

    /** How many tokens are remembered (for tests). */
    int size() {
        return byHash.size();
    }

    private void store(String token, Issued i) {
        String hash = Secrets.sha256(token);
        execute("INSERT INTO KINETIC_OAUTH_TOKEN VALUES (?, ?, ?, ?, ?, ?, ?, ?)", hash, i.refresh(), i.userId(),
                i.username(), i.clientId(), i.issuedAt(), i.expiresAt(), i.parentHash());
        byHash.put(hash, i);
    }

    private void execute(String sql, Object... params) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int p = 0; p < params.length; p++) {
                s.setObject(p + 1, params[p]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the token table: " + e.getMessage(), e);
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    @Override
    public String toString() {
        return "TokenStore[" + byHash.size() + " tokens, ttl=" + Objects.toString(ttl.get()) + "]";
    }
}
