package dev.kinetic.emulator.http;

/**
 * Who is calling: set on an exchange once its access token has been checked.
 *
 * @param userId the 18-character id of the user the token belongs to
 * @param orgId the 18-character organization id
 * @param username the user's username
 */
public record ApiSession(String userId, String orgId, String username) {
}
