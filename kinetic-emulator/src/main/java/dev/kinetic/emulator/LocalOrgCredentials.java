package dev.kinetic.emulator;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials a local org hands out: its connected app (client id and secret, the private key file of the JWT
 * bearer flow), its admin user (username, password and security token for the password flow) and the login URL.
 * With a data directory they are also written to {@code DIR/local-org.env}. Immutable; {@link #toString()} redacts
 * the secrets.
 *
 * @param clientId the connected app's consumer key ({@code SF_CLIENT_ID})
 * @param clientSecret the connected app's consumer secret
 * @param username the admin user's username ({@code SF_USERNAME})
 * @param password the admin user's password
 * @param securityToken the admin user's security token (appended to the password in the password flow)
 * @param controlSecret the secret of the control plane under {@code /__emulator/}, sent in the
 *     {@code X-Kinetic-Control-Secret} header ({@code KINETIC_CONTROL_SECRET} in {@code local-org.env})
 * @param privateKeyPath the PKCS#8 PEM private key of the JWT bearer flow ({@code SF_PRIVATE_KEY_PATH})
 * @param loginUrl the login URL and instance URL ({@code SF_LOGIN_URL})
 * @param envFile the {@code local-org.env} file (mode 600): in the data directory, or for an in-memory org in its
 *     private temporary directory that {@code close()} deletes
 */
public record LocalOrgCredentials(String clientId, String clientSecret, String username, String password,
                                  String securityToken, String controlSecret, Path privateKeyPath, URI loginUrl,
                                  Optional<Path> envFile) {
    /**
     * Checks that nothing is missing.
     *
     * @param clientId the connected app's consumer key
     * @param clientSecret the connected app's consumer secret
     * @param username the admin user's username
     * @param password the admin user's password
     * @param securityToken the admin user's security token
     * @param controlSecret the secret of the control plane
     * @param privateKeyPath the private key of the JWT bearer flow
     * @param loginUrl the login URL and instance URL
     * @param envFile the {@code local-org.env} file, if any
     */
    public LocalOrgCredentials {
        Objects.requireNonNull(clientId, "clientId == null");
        Objects.requireNonNull(clientSecret, "clientSecret == null");
        Objects.requireNonNull(username, "username == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(securityToken, "securityToken == null");
        Objects.requireNonNull(controlSecret, "controlSecret == null");
        Objects.requireNonNull(privateKeyPath, "privateKeyPath == null");
        Objects.requireNonNull(loginUrl, "loginUrl == null");
        envFile = envFile == null ? Optional.empty() : envFile;
    }

    /**
     * {@return the four lines with which {@code JwtAuthenticator.fromEnv()} logs in} They are
     * {@code SF_CLIENT_ID=…}, {@code SF_USERNAME=…}, {@code SF_PRIVATE_KEY_PATH=…} and {@code SF_LOGIN_URL=…}, and
     * hold no secret (the key is only named by its path).
     */
    public List<String> envLines() {
        return List.of("SF_CLIENT_ID=" + clientId, "SF_USERNAME=" + username,
                "SF_PRIVATE_KEY_PATH=" + privateKeyPath, "SF_LOGIN_URL=" + loginUrl);
    }

    /**
     * {@return the whole {@code local-org.env} text: the four lines, the password flow's secrets, then the control
     * plane's secret}
     */
    public String envFileText() {
        StringBuilder b = new StringBuilder();
        b.append("# Credentials of the kinetic local org. Created on first start, reused on restart.\n");
        b.append("# JWT bearer flow (JwtAuthenticator.fromEnv()):\n");
        envLines().forEach(l -> b.append(l).append('\n'));
        b.append("# Password and client credentials flows:\n");
        b.append("SF_CLIENT_SECRET=").append(clientSecret).append('\n');
        b.append("SF_PASSWORD=").append(password).append('\n');
        b.append("SF_SECURITY_TOKEN=").append(securityToken).append('\n');
        b.append("# Control plane (/__emulator/): send this value in the X-Kinetic-Control-Secret header:\n");
        b.append("KINETIC_CONTROL_SECRET=").append(controlSecret).append('\n');
        return b.toString();
    }

    @Override
    public String toString() {
        return "LocalOrgCredentials[clientId=" + clientId + ", clientSecret=(redacted), username=" + username
                + ", password=(redacted), securityToken=(redacted), controlSecret=(redacted), privateKeyPath="
                + privateKeyPath
                + ", loginUrl=" + loginUrl + ", envFile=" + envFile.map(Path::toString).orElse("(none)") + "]";
    }
}
