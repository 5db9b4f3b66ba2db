package dev.kinetic.emulator.auth;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keys in PEM form: generating the connected app's pair, writing and reading PKCS#8, X.509 and certificates. */
final class PemKeys {
    private PemKeys() {
    }

    // One pair per JVM for in-memory orgs: tests start many, and RSA generation costs up to seconds on a busy machine.
    private static volatile KeyPair processPair;

    /** A key pair shared by the in-memory orgs of this JVM (generated on first use). */
    static KeyPair processWide() {
        KeyPair pair = processPair;
        if (pair == null) {
            synchronized (PemKeys.class) {
                if (processPair == null) {
                    processPair = generate();
                }
                pair = processPair;
            }
        }
        return pair;
    }

    /** A new RSA 2048 key pair. */
    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available in this JVM", e);
        }
    }

    /** The private key as {@code -----BEGIN PRIVATE KEY-----} (PKCS#8). */
    static String privateKeyPem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** The public key as {@code -----BEGIN PUBLIC KEY-----} (X.509 SubjectPublicKeyInfo). */
    static String publicKeyPem(RSAPublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** Reads a PKCS#8 private key PEM and derives its public key. */
    static RSAPublicKey publicKeyOfPrivatePem(String pem) throws GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        var key = rsa.generatePrivate(new PKCS8EncodedKeySpec(body(pem, "PRIVATE KEY")));
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("not an RSA private key with CRT parameters");
        }
        return (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    /** Reads a registered public key: {@code PUBLIC KEY} PEM or an X.509 {@code CERTIFICATE} PEM. */
    static RSAPublicKey readPublic(String pem) throws GeneralSecurityException {
        if (pem.contains("BEGIN CERTIFICATE")) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return (RSAPublicKey) cert.getPublicKey();
        }
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(body(pem, "PUBLIC KEY")));
    }

    private static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    private static byte[] body(String pem, String type) throws GeneralSecurityException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException("expected a PEM block of type " + type);
        }
        String b64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the PEM block " + type + " is not valid base64", e);
        }
    }
}
