package dev.kinetic.compat.camel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A PKCS12 keystore as a Camel user builds for a Salesforce connected app: the app's private key (the org's
 * {@code local-org-private-key.pem}) with a self-signed X.509 certificate of its public key, one key entry.
 */
final class OrgKeystore {
    /** The alias of the single key entry; Camel takes whichever key entry the store has. */
    static final String ALIAS = "kinetic-local-org";

    private OrgKeystore() {
    }

    /**
     * Writes the keystore to {@code target}.
     *
     * @param privateKeyPem the org's PKCS#8 PEM private key file
     * @param target the {@code .p12} file to write
     * @param password the store and key password
     * @throws IOException if a file cannot be read or written
     * @throws GeneralSecurityException if the key cannot be read or the certificate signed
     */
    static void write(Path privateKeyPem, Path target, char[] password) throws IOException, GeneralSecurityException {
        PrivateKey key = readPkcs8(Files.readString(privateKeyPem, StandardCharsets.US_ASCII));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry(ALIAS, key, password, new Certificate[] {selfSigned(key)});
        try (OutputStream out = Files.newOutputStream(target)) {
            store.store(out, password);
        }
    }

    private static PrivateKey readPkcs8(String pem) throws GeneralSecurityException {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    // Salesforce registers a certificate with the app; the local org keeps the bare key, so the test signs one.
    private static X509Certificate selfSigned(PrivateKey key) throws GeneralSecurityException {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        X500Name name = new X500Name("CN=kinetic local org connected app");
        Instant now = Instant.now();
        try {
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), name, publicKey)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the connected app's certificate: " + e.getMessage(), e);
        }
    }
}
