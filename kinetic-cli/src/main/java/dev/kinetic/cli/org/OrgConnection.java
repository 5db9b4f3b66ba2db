package dev.kinetic.cli.org;

import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import dev.kinetic.cli.options.OrgOptions;
import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.SalesforceSession;
import dev.kinetic.core.auth.Authenticator;
import dev.kinetic.core.bulk.BulkClient;
import dev.kinetic.core.bulk.PollOptions;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The org a command talks to, chosen in this order: {@code --instance-url} (with {@code --access-token} or
 * {@code SF_ACCESS_TOKEN}); the {@code SF_*} environment variables; else the embedded local org, started in-process
 * and stored under the org directory so data persists from one command to the next. Close it to stop an embedded
 * org. Not thread-safe.
 */
public final class OrgConnection implements AutoCloseable {
    private final String description;
    private final SalesforceClient client;
    private final LocalOrg embedded;

    private OrgConnection(String description, SalesforceClient client, LocalOrg embedded) {
        this.description = description;
        this.client = client;
        this.embedded = embedded;
    }

    /**
     * Opens the org the options and environment select.
     *
     * @throws CliException (auth) if the credentials are incomplete or rejected, (usage) if the embedded org's
     *                      directory cannot be used
     */
    public static OrgConnection open(OrgOptions options, CliContext context) {
        return open(options, context, options.orgDir());
    }

    /**
     * Opens the org the options and environment select, with the embedded org (if it comes to that) stored in
     * {@code embeddedDir} rather than the usual directory.
     */
    public static OrgConnection open(OrgOptions options, CliContext given, String embeddedDir) {
        CliContext context = options.apiVersion().map(v -> given.withVar("SF_API_VERSION", v)).orElse(given);
        String version = context.var("SF_API_VERSION").orElse(SalesforceSession.DEFAULT_API_VERSION);
        if (options.targetOrg().isPresent()) {
            String alias = options.targetOrg().get();
            if (options.instanceUrl().isPresent() || options.accessToken().isPresent()) {
                throw CliException.usage("Give --target-org " + alias + " or --instance-url/--access-token, not "
                        + "both");
            }
            SfCliLogin.Login login = SfCliLogin.of(alias, context);
            return remote(login.instanceUrl(), login.accessToken(), "Salesforce CLI login " + alias + " as "
                    + login.username(), null, context, version);
        }
        Optional<String> url = options.instanceUrl().or(() -> context.var("SF_INSTANCE_URL"));
        Optional<String> token = options.accessToken().or(() -> context.var("SF_ACCESS_TOKEN"));
        if (url.isPresent()) {
            if (token.isEmpty()) {
                throw CliException.auth("--instance-url " + url.get() + " needs an access token: add "
                        + "--access-token TOKEN or set SF_ACCESS_TOKEN", null);
            }
            return remote(url.get(), token.get(), "access token", null, context, version);
        }
        if (token.isPresent()) {
            // Never fall through to another org with a token meant for a real one.
            throw CliException.auth((options.accessToken().isPresent() ? "--access-token" : "SF_ACCESS_TOKEN")
                    + " is set but no instance URL: add --instance-url URL or set SF_INSTANCE_URL (e.g. "
                    + "https://acme.my.salesforce.com); nothing was sent", null);
        }
        Optional<OrgConnection> fromEnv = EnvCredentials.connect(context);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        return embedded(context.resolve(embeddedDir), embeddedDir, version);
    }

    /**
     * A remote org; with an authenticator the library signs in (retrying failures that may pass) and signs in again
     * when the session expires mid-job. Without a token the authenticator signs in first.
     */
    static OrgConnection remote(String url, String token, String how, Authenticator authenticator,
                                CliContext context, String apiVersion) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage("Invalid instance URL '" + url + "'; use e.g. https://acme.my.salesforce.com",
                    e);
        }
        SalesforceClient.Builder client = SalesforceClient.builder().session(SalesforceSession.of(uri, token, apiVersion))
                .sleeper(context.sleeper()).clock(context.clock());
        if (authenticator != null) {
            client.authenticator(authenticator);
        }
        return new OrgConnection("Org: " + uri + " (" + how + ")", client.build(), null);
    }

    /** A remote org signed in through the authenticator, with the library's retries of the sign-in. */
    static OrgConnection signIn(Authenticator authenticator, String how, CliContext context) {
        SalesforceClient client = SalesforceClient.builder().authenticator(authenticator)
                .sleeper(context.sleeper()).clock(context.clock()).build();
        return new OrgConnection("Org: " + client.session().instanceUrl() + " (" + how + ")", client, null);
    }

    private static OrgConnection embedded(Path dir, String shown, String apiVersion) {
        LocalOrg org;
        try {
            org = LocalOrg.start(LocalOrgConfig.builder().dataDir(dir).compactOnClose(true).build());
        } catch (RuntimeException e) {
            throw CliException.usage("Cannot start the embedded local org in " + dir + ": " + e.getMessage()
                    + " (is another kinetic command using it? wait for it, or use --org-dir)", e);
        }
        String token = org.accessToken();
        return new OrgConnection("Org: embedded local org (" + shown + ")",
                new SalesforceClient(SalesforceSession.of(org.baseUri(), token, apiVersion)), org);
    }

    /** The first line of output: which org is used, e.g. {@code Org: embedded local org (.kinetic/local-org)}. */
    public String description() {
        return description;
    }

    /** Whether this is the embedded local org. */
    public boolean embedded() {
        return embedded != null;
    }

    /** The library's Bulk API client for this org. */
    public BulkClient bulk() {
        return client.bulk();
    }

    /**
     * Polling suited to the org: every 25 ms growing to 250 ms for the embedded org (in-process, so a poll costs
     * nothing), the library's defaults (100 ms, each wait a tenth longer, up to 30 s) for a server.
     */
    public PollOptions.Builder poll() {
        return embedded() ? PollOptions.builder().pollInterval(Duration.ofMillis(25))
                .maxPollInterval(Duration.ofMillis(250)) : PollOptions.builder();
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
