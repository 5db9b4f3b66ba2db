package dev.kinetic.emulator;

import dev.kinetic.emulator.auth.AuthModule;
import dev.kinetic.emulator.auth.OrgIdentity;
import dev.kinetic.emulator.control.ControlRoutes;
import dev.kinetic.emulator.control.ControlSecret;
import dev.kinetic.emulator.control.FaultRules;
import dev.kinetic.emulator.db.Compaction;
import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.files.PrivateFiles;
import dev.kinetic.emulator.http.ApiServer;
import dev.kinetic.emulator.http.ApiUsage;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.http.bulk.BulkRoutes;
import dev.kinetic.emulator.http.rest.DescribeRoutes;
import dev.kinetic.emulator.http.rest.QueryRoutes;
import dev.kinetic.emulator.http.rest.RecordRoutes;
import dev.kinetic.emulator.http.rest.RestBasicsRoutes;
import dev.kinetic.emulator.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A running local org: a Salesforce-compatible server (OAuth, Bulk API 2.0, SOQL) over an embedded H2 database,
 * started in-process with {@link #start(LocalOrgConfig)}. Close it to stop the server and release the database.
 * Thread-safe.
 */
public final class LocalOrg implements AutoCloseable {
    /** The name of the credentials file written to the data directory. */
    public static final String ENV_FILE = "local-org.env";
    // What the org keeps in its data directory: the database, the spool, the private key and the env file.
    private static final List<String> OWN_ENTRIES = List.of("db", "spool", "local-org-private-key.pem", ENV_FILE);

    /** The header that carries the control secret on every {@code /__emulator/} request. */
    public static final String CONTROL_SECRET_HEADER = ControlSecret.HEADER;

    private final OrgContext context;
    private final ApiServer server;
    private final AuthModule auth;
    private final List<RouteModule> modules;
    private final List<Path> tempDirs;
    private final URI baseUri;
    private final LocalOrgCredentials credentials;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalOrg(OrgContext context, ApiServer server, AuthModule auth, List<RouteModule> modules,
                     List<Path> tempDirs, URI baseUri, LocalOrgCredentials credentials) {
        this.context = context;
        this.server = server;
        this.auth = auth;
        this.modules = modules;
        this.tempDirs = tempDirs;
        this.baseUri = baseUri;
        this.credentials = credentials;
    }

    /**
     * Starts a local org. On first start it creates the org's identity (org id, admin user, connected app, RSA key
     * pair, password, control secret); with a data directory that identity, the records, jobs and issued tokens are
     * kept there and {@code DIR/local-org.env} (mode 600) is (re)written, so a restart reuses the same credentials.
     * The data directory's folders are made mode 700 and its files 600.
     *
     * @param config what to start: address, port, data directory, schema, token lifetime, clock, progression
     * @return the running org, which the caller closes
     * @throws IllegalStateException if the port is taken or the data directory cannot be used
     */
    public static LocalOrg start(LocalOrgConfig config) {
        Schema schema = Schema.defaultOrg();
        for (Path file : config.schemaFiles()) {
            schema = schema.withDescribeFile(file);
        }
        List<Path> tempDirs = new ArrayList<>();
        Database database = null;
        ApiServer server = null;
        try {
            Path spool;
            Path keyDir;
            if (config.dataDir().isPresent()) {
                Path dir = config.dataDir().get();
                PrivateFiles.createDirectories(dir);
                narrow(dir); // what an older version left readable
                spool = PrivateFiles.createDirectories(dir.resolve("spool"));
                keyDir = dir;
                database = Database.inDirectory(dir, schema);
            } else {
                spool = Files.createTempDirectory("kinetic-local-org-");
                tempDirs.add(spool);
                keyDir = Files.createTempDirectory("kinetic-local-org-key-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                tempDirs.add(keyDir);
                database = Database.inMemory(schema);
            }
            OrgContext context = new OrgContext(config, database, spool);
            AtomicReference<URI> base = new AtomicReference<>();
            Path envFile = keyDir.resolve(ENV_FILE).toAbsolutePath();
            EnvFile.Previous previous = EnvFile.previous(envFile);
            ControlSecret control = previous.controlSecret()
                    .map(v -> ControlSecret.of(v, envFile.toString()))
                    .orElseGet(() -> ControlSecret.generate(envFile.toString()));
            AuthModule auth = new AuthModule(context, keyDir, base::get, previous.plain());
            ApiUsage usage = new ApiUsage();
            FaultRules faults = new FaultRules();
            List<RouteModule> modules = new ArrayList<>();
            modules.add(auth);
            modules.add(new RestBasicsRoutes(usage));
            modules.add(new RecordRoutes(context));
            modules.add(new DescribeRoutes(schema, config.clock().instant()));
            modules.add(new BulkRoutes(context));
            modules.add(new QueryRoutes(context));
            modules.add(new ControlRoutes(context, auth, faults, List.copyOf(modules), control));
            Routes routes = new Routes();
            modules.forEach(m -> m.register(routes));
            server = new ApiServer(config.host(), config.port(), routes, auth, faults, usage);
            server.start();
            base.set(URI.create("http://" + urlHost(config.host()) + ":" + server.port()));
            LocalOrgCredentials credentials = credentials(auth.identity(), control, base.get(), envFile);
            if (!config.quiet()) {
                System.out.println("Local org listening on " + base.get());
                credentials.envLines().forEach(System.out::println);
            }
            return new LocalOrg(context, server, auth, List.copyOf(modules), List.copyOf(tempDirs), base.get(),
                    credentials);
        } catch (Exception e) {
            if (server != null) {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // Already failing; the original error matters.
                }
            }
            if (database != null) {
                database.close();
            }
            tempDirs.forEach(LocalOrg::deleteTree);
            throw new IllegalStateException("Cannot start the local org: " + e.getMessage(), e);
        }
    }

    // The data directory (700) and what the org keeps in it, but nothing else a user may keep there too.
    private static void narrow(Path dir) throws IOException {
        PrivateFiles.restrict(dir, false);
        for (String own : OWN_ENTRIES) {
            PrivateFiles.restrict(dir.resolve(own), true);
        }
    }

    // Writes local-org.env (mode 600): in the data directory, or in an in-memory org's private temporary directory.
    private static LocalOrgCredentials credentials(OrgIdentity id, ControlSecret control, URI base, Path envFile)
            throws IOException {
        LocalOrgCredentials credentials = new LocalOrgCredentials(id.clientId(), id.clientSecret(),
                id.adminUsername(), id.password(), id.securityToken(), control.value(), id.privateKeyPath(), base,
                Optional.of(envFile));
        EnvFile.write(envFile, credentials.envFileText());
        return credentials;
    }

    // A wildcard bind address is reached through the loopback address; IPv6 literals need brackets in a URL.
    private static String urlHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * {@return the base URI clients use as the instance URL and login URL, e.g. {@code http://127.0.0.1:52811}}
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * {@return the credentials the org hands out (also in {@code DIR/local-org.env} when it has a data directory)}
     */
    public LocalOrgCredentials credentials() {
        return credentials;
    }

    /**
     * {@return the secret of the control plane under {@code /__emulator/}} Send it in the
     * {@value #CONTROL_SECRET_HEADER} header. Also {@code KINETIC_CONTROL_SECRET} in {@code local-org.env}.
     */
    public String controlSecret() {
        return credentials.controlSecret();
    }

    /** {@return the port the server listens on} */
    public int port() {
        return server.port();
    }

    /**
     * {@return a fresh access token for the org's admin user (through the org's connected app), for embedding and
     * tests}
     */
    public String accessToken() {
        return auth.adminAccessToken();
    }

    /** {@return the 18-character organization id ({@code 00D…})} */
    public String orgId() {
        return auth.identity().orgId();
    }

    /** {@return the 18-character id of the org's admin user ({@code 005…})} */
    public String adminUserId() {
        return auth.identity().adminUserId();
    }

    /** {@return the org's shared parts (schema, database, clock, progression)} */
    public OrgContext context() {
        return context;
    }

    /**
     * Stops the org once, in order: the server stops taking requests and answers those in flight, the jobs stop
     * (running batches commit or roll back; unfinished jobs resume at the next start), then the database closes.
     * Later calls do nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            // The server is going away either way.
        }
        modules.forEach(RouteModule::close);
        context.database().close(context.config().compactOnClose() ? Compaction.WHEN_WASTEFUL : Compaction.NEVER);
        tempDirs.forEach(LocalOrg::deleteTree);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
