package dev.kinetic.emulator.auth;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.http.ApiSession;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.http.TokenVerifier;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth and the REST basics. PLACEHOLDER: mints admin tokens only; the real OAuth flows come on branch emu-http.
 */
public final class AuthModule implements RouteModule, TokenVerifier {
    private final Map<String, ApiSession> tokens = new ConcurrentHashMap<>();
    private final ApiSession admin;

    /** @param context the org */
    public AuthModule(OrgContext context) {
        this.admin = new ApiSession(context.database().ids().next("005"), context.database().ids().next("00D"),
                "admin@local.org");
    }

    /** A new access token for the org's admin user. */
    public String adminAccessToken() {
        String token = admin.orgId().substring(0, 15) + "!" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, admin);
        return token;
    }

    @Override
    public Optional<ApiSession> verify(String accessToken) {
        return Optional.ofNullable(tokens.get(accessToken));
    }

    @Override
    public void register(Routes routes) {
    }
}
