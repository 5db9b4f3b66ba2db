package dev.kinetic.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtSignerTest {
    @Test
    void assertionCarriesTheClaimsAndAVerifiableRs256Signature() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        String jwt = JwtSigner.sign(null, pem, "client-1", "user@example.com", "https://test.salesforce.com", clock);

        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(claims.get("iss").asText()).isEqualTo("client-1");
        assertThat(claims.get("sub").asText()).isEqualTo("user@example.com");
        assertThat(claims.get("aud").asText()).isEqualTo("https://test.salesforce.com");
        assertThat(claims.get("exp").asLong()).isEqualTo(Instant.parse("2026-01-01T00:03:00Z").getEpochSecond());
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(pair.getPublic());
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verify.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void keysWithEscapedNewlinesFromEnvironmentVariablesAreRead() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String body = Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                .replace("\r\n", "\\n");
        String pem = "-----BEGIN PRIVATE KEY-----\\n" + body + "\\n-----END PRIVATE KEY-----";
        assertThat(JwtSigner.parseKey(pem, "test").getAlgorithm()).isEqualTo("RSA");
    }
}
