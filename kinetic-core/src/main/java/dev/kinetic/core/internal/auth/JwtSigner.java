package dev.kinetic.core.internal.auth;

import dev.kinetic.core.AuthenticationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;

/** Builds and signs the JWT bearer assertion with the JDK's SHA256withRSA; reads PKCS#8 and PKCS#1 PEM keys. */
public final class JwtSigner {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private JwtSigner() {
    }

    public static String sign(Path keyPath, String keyPem, String clientId, String username, String audience,
                              Clock clock) {
        PrivateKey key = keyPath != null ? readKey(keyPath) : parseKey(keyPem, "SF_PRIVATE_KEY / privateKey(...)");
        long exp = clock.instant().getEpochSecond() + 180;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + JsonText.quote(clientId) + ",\"sub\":" + JsonText.quote(username)
                + ",\"aud\":" + JsonText.quote(audience) + ",\"exp\":" + exp + "}";
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new AuthenticationException("Cannot sign the JWT assertion with the private key: " + e.getMessage(),
                    e);
        }
    }

    static PrivateKey readKey(Path path) {
        String pem;
        try {
            pem = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AuthenticationException("Cannot read the private key file " + path + " (" + e + "); check "
                    + "SF_PRIVATE_KEY_PATH", e);
        }
        return parseKey(pem, "the file " + path);
    }

    /** Parses a PEM RSA key; the source description never includes key material. */
    public static PrivateKey parseKey(String pem, String source) {
        if (pem == null) {
            throw new AuthenticationException("No private key in " + source);
        }
        String text = pem.replace("\\n", "\n");
        boolean pkcs1 = text.contains("BEGIN RSA PRIVATE KEY");
        if (!pkcs1 && !text.contains("BEGIN PRIVATE KEY")) {
            throw new AuthenticationException("The private key in " + source + " is not a PEM RSA key: expected "
                    + "'-----BEGIN PRIVATE KEY-----' (PKCS#8) or '-----BEGIN RSA PRIVATE KEY-----' (PKCS#1)");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            if (pkcs1) {
                der = Pkcs1.toPkcs8(der);
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new AuthenticationException("The private key in " + source + " cannot be decoded as an RSA key ("
                    + e.getClass().getSimpleName() + "); check that the PEM is complete", e);
        }
    }
}
