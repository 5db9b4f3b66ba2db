package dev.kinetic.emulator.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JWT bearer grant ({@code urn:ietf:params:oauth:grant-type:jwt-bearer}): an RS256 assertion signed with the
 * private key of a connected app, whose {@code iss} is the app's client id, {@code sub} (or {@code prn}) a username,
 * {@code aud} a login URL and {@code exp} (number or string) not yet past. Real orgs refuse an {@code exp} in the
 * past and accept one any time ahead: the Salesforce CLI signs it in epoch milliseconds, other clients 270 or 300
 * seconds ahead. {@code exp} is read as epoch seconds, or as epoch milliseconds when it is at least
 * {@link #MILLIS_FROM} (a time in seconds past the year 5000). Thread-safe.
 */
final class JwtBearerGrant {
    /** An {@code exp} at least this large is in epoch milliseconds (as seconds it would be past the year 5000). */
    static final long MILLIS_FROM = 100_000_000_000L;

    /** Who the assertion logs in, and through which app. */
    record Grant(ConnectedApps.App app, UserDirectory.Account user) {
    }

    private final ConnectedApps apps;
    private final UserDirectory users;
    private final Clock clock;

    JwtBearerGrant(ConnectedApps apps, UserDirectory users, Clock clock) {
        this.apps = apps;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Checks the assertion.
     *
     * @param audiences the accepted {@code aud} values (login URLs, compared without a trailing slash)
     * @throws OAuthError with Salesforce's error and description when any check fails
     */
    Grant verify(String assertion, Collection<String> audiences) throws OAuthError {
        if (assertion == null || assertion.isBlank()) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        SignedJWT jwt;
        Map<String, Object> claims;
        try {
            jwt = SignedJWT.parse(assertion.trim());
            claims = jwt.getPayload().toJSONObject();
        } catch (ParseException e) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        if (claims == null || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        ConnectedApps.App app = apps.find(text(claims.get("iss"))).orElseThrow(OAuthError::unknownClient);
        try {
            if (!jwt.verify(new RSASSAVerifier(app.publicKey()))) {
                throw OAuthError.invalidGrant("invalid assertion");
            }
        } catch (JOSEException | GeneralSecurityException e) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        if (!audienceMatches(claims.get("aud"), audiences)) {
            throw OAuthError.invalidGrant("audience is invalid");
        }
        checkExpiry(claims.get("exp"));
        String username = claims.containsKey("prn") ? text(claims.get("prn")) : text(claims.get("sub"));
        UserDirectory.Account user = users.byUsername(username == null ? "" : username)
                .filter(UserDirectory.Account::active)
                .orElseThrow(() -> OAuthError.invalidGrant("user hasn't approved this consumer"));
        return new Grant(app, user);
    }

    private void checkExpiry(Object exp) throws OAuthError {
        long expMillis;
        try {
            String t = text(exp);
            if (t == null) {
                throw OAuthError.invalidGrant("expired authorization code");
            }
            double value = Double.parseDouble(t.trim());
            if (!Double.isFinite(value)) {
                throw OAuthError.invalidGrant("invalid assertion");
            }
            expMillis = value >= MILLIS_FROM ? (long) value : (long) (value * 1000);
        } catch (NumberFormatException e) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        if (expMillis <= clock.millis()) {
            throw OAuthError.invalidGrant("expired authorization code");
        }
    }

    private static boolean audienceMatches(Object aud, Collection<String> accepted) {
        Set<String> ok = accepted.stream().map(JwtBearerGrant::normalise).collect(Collectors.toSet());
        List<?> values = aud instanceof List<?> list ? list : aud == null ? List.of() : List.of(aud);
        return values.stream().map(JwtBearerGrant::text).anyMatch(v -> v != null && ok.contains(normalise(v)));
    }

    private static String normalise(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof Number n) {
            return n instanceof Double || n instanceof Float ? Double.toString(n.doubleValue())
                    : Long.toString(n.longValue());
        }
        return claim.toString();
    }
}
