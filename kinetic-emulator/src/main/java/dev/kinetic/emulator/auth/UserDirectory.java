package dev.kinetic.emulator.auth;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.db.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Looks users up in the org's User table, and checks passwords of users that have one. Thread-safe. */
final class UserDirectory {
    /** A user as OAuth sees it. */
    record Account(String id, String username, boolean active) {
    }

    private final Database database;

    UserDirectory(Database database) {
        this.database = database;
    }

    /** The user with this username (compared case-insensitively, as Salesforce does). */
    Optional<Account> byUsername(String username) {
        return find("LOWER(" + SqlNames.column("Username") + ") = LOWER(?)", username);
    }

    /** The user with this id. */
    Optional<Account> byId(String userId) {
        return find(SqlNames.column("Id") + " = ?", userId);
    }

    /**
     * Whether {@code given} is the user's password followed by their security token, checked against the stored
     * hashes of both (each derivation runs whatever the other's outcome).
     */
    boolean passwordMatches(String userId, String given) {
        String sql = "SELECT PASSWORD, SECURITY_TOKEN FROM KINETIC_USER_PASSWORD WHERE USER_ID = ?";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || given == null || given.length() <= HashedSecrets.TOKEN_LENGTH) {
                    return false;
                }
                int split = given.length() - HashedSecrets.TOKEN_LENGTH;
                boolean password = SecretHash.matches(rs.getString(1), given.substring(0, split));
                boolean token = SecretHash.matches(rs.getString(2), given.substring(split));
                return password & token;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the user's password: " + e.getMessage(), e);
        }
    }

    private Optional<Account> find(String where, String value) {
        String sql = "SELECT " + SqlNames.column("Id") + ", " + SqlNames.column("Username") + ", "
                + SqlNames.column("IsActive") + " FROM " + SqlNames.table("User") + " WHERE " + where;
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Account(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up the user: " + e.getMessage(), e);
        }
    }
}
