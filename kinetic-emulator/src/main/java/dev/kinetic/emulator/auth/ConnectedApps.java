package dev.kinetic.emulator.auth;

import dev.kinetic.emulator.db.Database;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The org's connected apps (table {@code KINETIC_CONNECTED_APP}). Thread-safe. */
final class ConnectedApps {
    /**
     * A connected app: consumer key, the salted hash of its consumer secret, the registered key, and the client
     * credentials run-as user.
     */
    record App(String clientId, String clientSecretHash, String publicKeyPem, String executionUserId) {
        /** Whether {@code secret} is the app's consumer secret (constant time; null never matches). */
        boolean secretMatches(String secret) {
            return SecretHash.matches(clientSecretHash, secret);
        }

        /** The registered public key (or the certificate's key). */
        RSAPublicKey publicKey() throws GeneralSecurityException {
            return PemKeys.readPublic(publicKeyPem);
        }

        @Override
        public String toString() {
            return "App[clientId=" + clientId + ", clientSecretHash=(redacted)]";
        }
    }

    private final Database database;

    ConnectedApps(Database database) {
        this.database = database;
    }

    /** The app with this consumer key. */
    Optional<App> find(String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            return Optional.empty();
        }
        String sql = "SELECT CLIENT_ID, CLIENT_SECRET, PUBLIC_KEY_PEM, EXECUTION_USER_ID FROM KINETIC_CONNECTED_APP "
                + "WHERE CLIENT_ID = ?";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, clientId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new App(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the connected apps: " + e.getMessage(), e);
        }
    }
}
