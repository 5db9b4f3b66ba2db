package dev.kinetic.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.MutableClock;
import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
    private final Database database = Database.inMemory(Schema.defaultOrg());
    private final UserDirectory.Account user = new UserDirectory.Account("005Kc0000000001AAA", "u@x", true);

    @AfterEach
    void close() {
        database.close();
    }

    private long storedRows() throws Exception {
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM KINETIC_OAUTH_TOKEN")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void storesOnlyHashesAndReloadsThemFromTheTable() throws Exception {
        TokenStore store = new TokenStore(database, clock, "00DKc0000000001", Duration.ofHours(1));
        String token = store.issueAccess(user, "client", Optional.empty());
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TOKEN_HASH FROM KINETIC_OAUTH_TOKEN")) {
            rs.next();
            assertThat(rs.getString(1)).hasSize(64).isNotEqualTo(token).doesNotContain(token.substring(16));
        }
        TokenStore reloaded = new TokenStore(database, clock, "00DKc0000000001", Duration.ofHours(1));
        assertThat(reloaded.access(token)).map(TokenStore.Issued::userId).contains(user.id());
    }

    @Test
    void forgetsExpiredAccessTokensButKeepsLiveAndRefreshTokens() throws Exception {
        TokenStore store = new TokenStore(database, clock, "00DKc0000000001", Duration.ofMinutes(1));
        String refresh = store.issueRefresh(user, "client");
        for (int i = 0; i < 10; i++) {
            store.issueAccess(user, "client", Optional.empty());
        }
        clock.advance(Duration.ofMinutes(2));
        String live = store.issueAccess(user, "client", Optional.empty());
        store.pruneExpired();
        assertThat(store.size()).isEqualTo(2);
        assertThat(storedRows()).isEqualTo(2);
        assertThat(store.access(live)).isPresent();
        assertThat(store.refresh(refresh)).isPresent();
    }

    @Test
    void prunesByItselfEveryFewHundredIssues() throws Exception {
        TokenStore store = new TokenStore(database, clock, "00DKc0000000001", Duration.ofSeconds(1));
        for (int i = 0; i < TokenStore.PRUNE_EVERY - 1; i++) {
            store.issueAccess(user, "client", Optional.empty());
        }
        clock.advance(Duration.ofSeconds(2));
        assertThat(store.size()).isEqualTo(TokenStore.PRUNE_EVERY - 1);
        store.issueAccess(user, "client", Optional.empty());
        assertThat(store.size()).isEqualTo(1);
        assertThat(storedRows()).isEqualTo(1);
    }
}
