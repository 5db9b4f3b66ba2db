package dev.kinetic.cli.command;

import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import dev.kinetic.emulator.BindAddress;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kinetic serve}: runs the local org as a server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the local org as a server (OAuth, Bulk API 2.0, SOQL) until Ctrl-C, and prints the "
                + "variables that point the kinetic command, the library or any Salesforce client at it.",
                "Data is kept in --data DIR (default .kinetic/local-org), so it survives restarts."},
        footerHeading = "%nExamples:%n",
        footer = {"  kinetic serve --port 8443", "  eval \"$(kinetic serve --port 8443 | grep '^export')\"  # in "
                + "another shell, then: kinetic insert Account --file a.csv"})
public final class ServeCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8443",
            description = "The port to listen on, 0 for any free port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".kinetic/local-org",
            description = "Where the org keeps its records and jobs (default ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to listen on (default ${DEFAULT-VALUE}); one beyond loopback also needs "
                    + "--allow-remote.")
    String host;

    @Option(names = "--allow-remote", description = "Let --host expose the org (OAuth, APIs and the control plane) "
            + "to other machines.")
    boolean allowRemote;

    @Option(names = "--exit-after-start", hidden = true, description = "Print the variables and stop (for tests).")
    boolean exitAfterStart;

    @Override
    public Integer call() throws InterruptedException {
        Path dir = context().resolve(data);
        if (!allowRemote && !BindAddress.isLoopback(host)) {
            throw CliException.usage("--host " + host + " would expose the local org (OAuth, APIs and the control "
                    + "plane) to other machines; add --allow-remote to bind beyond loopback, or use --host 127.0.0.1");
        }
        LocalOrg org;
        try {
            org = LocalOrg.start(LocalOrgConfig.builder().host(host).allowRemote(allowRemote).port(port).dataDir(dir)
                    .compactOnClose(true).build());
        } catch (RuntimeException e) {
            throw CliException.usage("Cannot start the local org on port " + port + " with data in " + dir + ": "
                    + e.getMessage() + " (choose another --port, or stop the process using it)", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            Map<String, String> vars = new LinkedHashMap<>();
            for (String line : org.credentials().envLines()) {
                int eq = line.indexOf('=');
                vars.put(line.substring(0, eq), line.substring(eq + 1));
            }
            if (!BindAddress.isLoopback(host)) {
                console().warn(BindAddress.remoteWarning(host));
            }
            console().info("Local org listening on " + org.baseUri() + " with data in " + dir);
            console().info("Point kinetic, JwtAuthenticator.fromEnv() or any client at it with (JWT bearer; "
                    + "the password flow's secrets are in " + dir.resolve(LocalOrg.ENV_FILE) + "):");
            vars.forEach((k, v) -> console().summary("export " + k + "=" + v));
            console().info("The control plane (/__emulator/) needs the header " + LocalOrg.CONTROL_SECRET_HEADER
                    + " with KINETIC_CONTROL_SECRET from " + dir.resolve(LocalOrg.ENV_FILE) + ".");
            Map<String, Object> json = new LinkedHashMap<>(vars);
            json.put("dataDir", dir.toString());
            console().jsonSummary(json);
            if (exitAfterStart) {
                return ExitCodes.OK;
            }
            console().info("Press Ctrl-C to stop.");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                org.close();
                stopped.countDown();
            }, "kinetic-serve-stop"));
            stopped.await();
            return ExitCodes.OK;
        } finally {
            if (exitAfterStart) {
                org.close();
            }
        }
    }
}
