package dev.kinetic.cli.org;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import java.util.Optional;

/**
 * Connects with the {@code SF_*} variables of the quick start: JWT bearer ({@code SF_CLIENT_ID},
 * {@code SF_USERNAME}, {@code SF_PRIVATE_KEY_PATH} or {@code SF_PRIVATE_KEY}, {@code SF_LOGIN_URL}), OAuth
 * username-password ({@code SF_CLIENT_ID}, {@code SF_CLIENT_SECRET}, {@code SF_USERNAME}, {@code SF_PASSWORD}) or
 * client credentials ({@code SF_CLIENT_ID}, {@code SF_CLIENT_SECRET}, {@code SF_LOGIN_URL}).
 */
final class EnvCredentials {
    private EnvCredentials() {
    }

    /** The connection the variables describe, or empty if none are set. */
    static Optional<OrgConnection> connect(CliContext context) {
        if (context.var("SF_CLIENT_ID").isEmpty() && context.var("SF_USERNAME").isEmpty()) {
            return Optional.empty();
        }
        String flow = flow(context);
        throw CliException.auth("SF_* variables for " + flow + " are set, but this build of kinetic cannot sign in "
                + "with them yet; use --instance-url with --access-token (or SF_INSTANCE_URL and SF_ACCESS_TOKEN), "
                + "or unset SF_CLIENT_ID/SF_USERNAME to use the embedded local org", null);
    }

    private static String flow(CliContext context) {
        if (context.var("SF_PRIVATE_KEY_PATH").isPresent() || context.var("SF_PRIVATE_KEY").isPresent()) {
            return "JWT bearer";
        }
        if (context.var("SF_PASSWORD").isPresent()) {
            return "username-password";
        }
        return "client credentials";
    }
}
