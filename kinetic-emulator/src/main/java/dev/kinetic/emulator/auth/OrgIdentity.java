package dev.kinetic.emulator.auth;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Who the local org is: its organization id, its admin user, its connected app and the secrets of the password
 * flow. Created on first start and kept in the database, where the client secret, password and security token are
 * only salted hashes: the plain values here come from {@code local-org.env} or were just made. Immutable.
 *
 * @param orgId the 18-character organization id ({@code 00D…})
 * @param adminUserId the 18-character id of the admin user ({@code 005…})
 * @param adminUsername the admin's username
 * @param clientId the connected app's consumer key
 * @param clientSecret the connected app's consumer secret
 * @param password the admin's password
 * @param securityToken the admin's security token (appended to the password in the password flow)
 * @param publicKeyPem the connected app's registered public key or certificate, PEM
 * @param privateKeyPath the file holding the matching private key (PKCS#8 PEM)
 */
public record OrgIdentity(String orgId, String adminUserId, String adminUsername, String clientId,
                          String clientSecret, String password, String securityToken, String publicKeyPem,
                          Path privateKeyPath) {
    /** Checks that nothing is missing. */
    public OrgIdentity {
        Objects.requireNonNull(orgId, "orgId == null");
        Objects.requireNonNull(adminUserId, "adminUserId == null");
        Objects.requireNonNull(adminUsername, "adminUsername == null");
        Objects.requireNonNull(clientId, "clientId == null");
        Objects.requireNonNull(clientSecret, "clientSecret == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(securityToken, "securityToken == null");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem == null");
        Objects.requireNonNull(privateKeyPath, "privateKeyPath == null");
    }

    /** The 15-character org id that starts every access token. */
    public String orgId15() {
        return orgId.substring(0, 15);
    }

    @Override
    public String toString() {
        return "OrgIdentity[orgId=" + orgId + ", adminUserId=" + adminUserId + ", adminUsername=" + adminUsername
                + ", clientId=" + clientId + ", clientSecret=(redacted), password=(redacted), "
                + "securityToken=(redacted), privateKeyPath=" + privateKeyPath + "]";
    }
}
