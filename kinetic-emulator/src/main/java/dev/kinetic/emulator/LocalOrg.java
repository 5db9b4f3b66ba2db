package dev.kinetic.emulator;

import dev.kinetic.emulator.auth.AuthModule;
import dev.kinetic.emulator.control.ControlRoutes;
import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.http.ApiServer;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.http.bulk.BulkRoutes;
import dev.kinetic.emulator.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A running local org: a Salesforce-compatible server (OAuth, Bulk API 2.0, SOQL) over an embedded H2 database,
 * started in-process with {@link #start(LocalOrgConfig)}. Close it to stop the server and release the database.
 * Thread-safe.
 */
public final class LocalOrg implements AutoCloseable {
    private final OrgContext context;
    private final ApiServer server;
    private final AuthModule auth;
    private final List<RouteModule> modules;
    private final Path tempSpool;

    private LocalOrg(OrgContext context, ApiServer server, AuthModule auth, List<RouteModule> modules,
                     Path tempSpool) {
        this.context = context;
        this.server = server;
        this.auth = auth;
        this.modules = modules;
        this.tempSpool = tempSpool;
    }

    /**
     * Starts a local org.
     *
     * @throws IllegalStateException if the port is taken or the data directory cannot be used
     */
    public static LocalOrg start(LocalOrgConfig config) {
        Schema schema = Schema.defaultOrg();
        for (Path file : config.schemaFiles()) {
            schema = schema.withDescribeFile(file);
        }
        Path tempSpool = null;
        Database database = null;
        try {
            Path spool;
            if (config.dataDir().isPresent()) {
                Path dir = config.dataDir().get();
                Files.createDirectories(dir);
                spool = Files.createDirectories(dir.resolve("spool"));
                database = Database.inDirectory(dir, schema);
            } else {
                tempSpool = Files.createTempDirectory("kinetic-local-org-");
                spool = tempSpool;
                database = Database.inMemory(schema);
            }
            OrgContext context = new OrgContext(config, database, spool);
            AuthModule auth = new AuthModule(context);
            List<RouteModule> modules = new ArrayList<>();
            modules.add(auth);
            modules.add(new BulkRoutes(context));
            modules.add(new ControlRoutes(context, List.copyOf(modules)));
            Routes routes = new Routes();
            modules.forEach(m -> m.register(routes));
            ApiServer server = new ApiServer(config.host(), config.port(), routes, auth);
            server.start();
            return new LocalOrg(context, server, auth, List.copyOf(modules), tempSpool);
        } catch (Exception e) {
            if (database != null) {
                database.close();
            }
            deleteTree(tempSpool);
            throw new IllegalStateException("Cannot start the local org: " + e.getMessage(), e);
        }
    }

    /** The base URI clients use as the instance URL and login URL, e.g. {@code http://127.0.0.1:52811}. */
    public URI baseUri() {
        return URI.create("http://" + context.config().host() + ":" + server.port());
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** A fresh access token for the org's admin user, for embedding and tests. */
    public String accessToken() {
        return auth.adminAccessToken();
    }

    /** The org's shared parts (schema, database, clock, progression). */
    public OrgContext context() {
        return context;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            // The server is going away either way.
        }
        modules.forEach(RouteModule::close);
        context.database().close();
        deleteTree(tempSpool);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
