package dev.kinetic.cli.org;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import dev.kinetic.core.AuthenticationException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.core.auth.Authenticator;
import dev.kinetic.core.auth.ClientCredentialsAuthenticator;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.auth.PasswordAuthenticator;
import java.util.Optional;

/**
 * Signs in with the {@code SF_*} variables of the quick start, through the library's authenticators: JWT bearer
 * ({@code SF_CLIENT_ID}, {@code SF_USERNAME}, {@code SF_PRIVATE_KEY_PATH} or {@code SF_PRIVATE_KEY},
 * {@code SF_LOGIN_URL}), OAuth username-password ({@code SF_CLIENT_ID}, {@code SF_CLIENT_SECRET},
 * {@code SF_USERNAME}, {@code SF_PASSWORD}) or client credentials ({@code SF_CLIENT_ID}, {@code SF_CLIENT_SECRET},
 * {@code SF_LOGIN_URL}).
 */
final class EnvCredentials {
    private EnvCredentials() {
    }

    /**
     * The connection the variables describe, or empty if none are set.
     *
     * @throws CliException (auth) naming the missing variables, or the org's reason for refusing the sign-in
     */
    static Optional<OrgConnection> connect(CliContext context) {
        if (context.var("SF_CLIENT_ID").isEmpty() && context.var("SF_USERNAME").isEmpty()) {
            return Optional.empty();
        }
        String flow;
        Authenticator authenticator;
        try {
            if (context.var("SF_PRIVATE_KEY_PATH").isPresent() || context.var("SF_PRIVATE_KEY").isPresent()) {
                flow = "JWT as " + context.var("SF_USERNAME").orElse("?");
                authenticator = JwtAuthenticator.fromEnv(context.env());
            } else if (context.var("SF_PASSWORD").isPresent()) {
                flow = "password as " + context.var("SF_USERNAME").orElse("?");
                authenticator = PasswordAuthenticator.fromEnv(context.env());
            } else if (context.var("SF_CLIENT_SECRET").isPresent()) {
                flow = "client credentials";
                authenticator = ClientCredentialsAuthenticator.fromEnv(context.env());
            } else {
                throw CliException.auth("SF_CLIENT_ID/SF_USERNAME are set but no way to sign in: add "
                        + "SF_PRIVATE_KEY_PATH (JWT), SF_PASSWORD with SF_CLIENT_SECRET (password) or SF_CLIENT_SECRET "
                        + "(client credentials); or unset them to use the embedded local org", null);
            }
            return Optional.of(OrgConnection.signIn(authenticator, flow, context));
        } catch (AuthenticationException e) {
            if (e.isTransient()) {
                throw new CliException(ExitCodes.NETWORK, "Sign-in gave up: " + e.getMessage()
                        + " (nothing was sent; try again later)", e);
            }
            throw CliException.auth("Sign-in failed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw CliException.auth("The SF_* variables are not usable: " + e.getMessage(), e);
        }
    }
}
