package dev.kinetic.emulator.control;

import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.ApiHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secret that opens the control plane under {@code /__emulator/}: 32 random bytes from {@link SecureRandom}
 * (base64url), made on an org's first start and handed out in {@code local-org.env} as
 * {@value #ENV_NAME}. Callers send it in the {@value #HEADER} header; it is compared in constant time, and an access
 * token is no substitute. Immutable and thread-safe; {@link #toString()} redacts the value.
 */
public final class ControlSecret {
    /** The request header that carries the secret. */
    public static final String HEADER = "X-Kinetic-Control-Secret";
    /** The variable of {@code local-org.env} that holds the secret. */
    public static final String ENV_NAME = "KINETIC_CONTROL_SECRET";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{32,}");

    private final String value;
    private final String whereToFind;

    private ControlSecret(String value, String whereToFind) {
        this.value = value;
        this.whereToFind = Objects.requireNonNull(whereToFind, "whereToFind == null");
    }

    /**
     * A new random secret.
     *
     * @param whereToFind where a caller finds it, for the 401 message, e.g. {@code /data/local-org.env}
     */
    public static ControlSecret generate(String whereToFind) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ControlSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), whereToFind);
    }

    /**
     * The secret handed out before (read back from {@code local-org.env}).
     *
     * @throws IllegalArgumentException if {@code value} is not at least 32 letters, digits, {@code -} or {@code _}
     */
    public static ControlSecret of(String value, String whereToFind) {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("a control secret is at least 32 letters, digits, - or _");
        }
        return new ControlSecret(value, whereToFind);
    }

    /** Whether {@code value} can be a control secret (at least 32 letters, digits, {@code -} or {@code _}). */
    public static boolean wellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    /** The secret itself. */
    public String value() {
        return value;
    }

    /** Whether {@code candidate} is the secret, compared in constant time (over digests, so lengths leak nothing). */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(sha256(value), sha256(candidate));
    }

    /** {@code handler} behind the secret: without the right {@value #HEADER} the request answers 401. */
    public ApiHandler guard(ApiHandler handler) {
        Objects.requireNonNull(handler, "handler == null");
        return exchange -> {
            check(exchange);
            handler.handle(exchange);
        };
    }

    /**
     * Checks the request's {@value #HEADER}.
     *
     * @throws ApiException 401 {@code INVALID_CONTROL_SECRET} naming the header and where the secret is, when it is
     *     missing or wrong
     */
    public void check(ApiExchange exchange) {
        String sent = exchange.header(HEADER).map(String::trim).orElse("");
        if (sent.isEmpty()) {
            throw new ApiException(401, "INVALID_CONTROL_SECRET", "The control plane (/__emulator/) needs the header "
                    + HEADER + " with the org's control secret: " + ENV_NAME + " in " + whereToFind
                    + " (in-process: LocalOrg.controlSecret()). An access token does not open it.");
        }
        if (!matches(sent)) {
            throw new ApiException(401, "INVALID_CONTROL_SECRET", "The " + HEADER + " header does not match the"
                    + " org's control secret; send " + ENV_NAME + " from " + whereToFind + ".");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ControlSecret[(redacted)]";
    }
}
