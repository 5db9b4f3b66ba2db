package dev.kinetic.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar kinetic-emulator.jar --port N --data DIR [--schema FILE]... [--token-ttl SECONDS] [--host H
 * [--allow-remote]]}: serves a local org until stopped (Ctrl-C or SIGTERM close it cleanly). Bad arguments print one
 * line and exit 2; so does an address beyond loopback without {@code --allow-remote}.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "Usage: java -jar kinetic-emulator.jar [--port N] [--data DIR] [--schema FILE]... [--token-ttl SECONDS]"
                    + " [--host H [--allow-remote]]",
            "Serves a Salesforce-compatible local org (OAuth, Bulk API 2.0, SOQL) until stopped.",
            "  --port N             port to listen on (default 0: any free port, printed at start)",
            "  --data DIR           keep records, jobs, tokens and credentials under DIR (default: in memory);",
            "                       writes DIR/local-org.env with SF_CLIENT_ID, SF_USERNAME, SF_PRIVATE_KEY_PATH,"
                    + " SF_LOGIN_URL",
            "  --schema FILE        add custom objects/fields from a describe JSON file (repeatable)",
            "  --token-ttl SECONDS  lifetime of access tokens (default 7200)",
            "  --host H             address to bind (default 127.0.0.1); one beyond loopback (0.0.0.0 for all",
            "                       interfaces) also needs --allow-remote",
            "  --allow-remote       let --host expose the org (OAuth, APIs, control plane) to the network",
            "  --help               print this help");

    private Main() {
    }

    /** Thrown for bad command-line arguments; the message is the one line printed. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Runs the server; exits 2 on bad arguments and 1 when the org cannot start. */
    public static void main(String[] args) throws InterruptedException {
        LocalOrgConfig config;
        try {
            if (wantsHelp(args)) {
                System.out.println(USAGE);
                return;
            }
            config = parse(args);
        } catch (UsageException e) {
            System.err.println("kinetic-emulator: " + e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        LocalOrg org;
        try {
            org = LocalOrg.start(config);
        } catch (IllegalStateException e) {
            String hint = String.valueOf(e.getMessage()).contains("bind")
                    ? " (is another server using port " + config.port() + "? choose another with --port)" : "";
            System.err.println("kinetic-emulator: " + e.getMessage() + hint);
            System.exit(1);
            return;
        }
        if (config.allowRemote() && !BindAddress.isLoopback(config.host())) {
            System.err.println(BindAddress.remoteWarning(config.host()));
        }
        System.out.println("# Control plane (/__emulator/): header " + LocalOrg.CONTROL_SECRET_HEADER
                + " with KINETIC_CONTROL_SECRET from " + org.credentials().envFile().orElseThrow());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            org.close();
            System.out.println("Local org stopped.");
            stopped.countDown();
        }, "local-org-shutdown"));
        stopped.await();
    }

    static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** The configuration the arguments describe (printing the credentials at start). */
    static LocalOrgConfig parse(String[] args) throws UsageException {
        LocalOrgConfig.Builder config = LocalOrgConfig.builder().quiet(false);
        String host = "127.0.0.1";
        boolean allowRemote = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--allow-remote" -> {
                    if (value != null) {
                        throw new UsageException("--allow-remote takes no value, got " + args[i]);
                    }
                    allowRemote = true;
                }
                case "--port", "--data", "--schema", "--token-ttl", "--host" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    apply(config, arg, value);
                    host = arg.equals("--host") ? value : host;
                }
                default -> throw new UsageException("unknown option " + args[i]);
            }
        }
        if (!allowRemote && !BindAddress.isLoopback(host)) {
            throw new UsageException("--host " + host + " would expose the org (OAuth, APIs and the control plane) "
                    + "to other machines; add --allow-remote to bind beyond loopback, or use --host 127.0.0.1");
        }
        return config.allowRemote(allowRemote).build();
    }

    private static void apply(LocalOrgConfig.Builder config, String option, String value) throws UsageException {
        switch (option) {
            case "--port" -> {
                int port = number(option, value);
                if (port < 0 || port > 65535) {
                    throw new UsageException("--port must be 0..65535, got " + value);
                }
                config.port(port);
            }
            case "--data" -> {
                Path dir = Path.of(value);
                if (Files.exists(dir) && !Files.isDirectory(dir)) {
                    throw new UsageException("--data must be a directory, but " + value + " is a file");
                }
                config.dataDir(dir);
            }
            case "--schema" -> {
                Path file = Path.of(value);
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("--schema file not found: " + value);
                }
                config.schemaFile(file);
            }
            case "--token-ttl" -> {
                int seconds = number(option, value);
                if (seconds < 1) {
                    throw new UsageException("--token-ttl must be at least 1 second, got " + value);
                }
                config.tokenTtl(Duration.ofSeconds(seconds));
            }
            default -> {
                if (value.isBlank()) {
                    throw new UsageException("--host needs an address, e.g. 127.0.0.1");
                }
                config.host(value);
            }
        }
    }

    private static int number(String option, String value) throws UsageException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, got " + value);
        }
    }
}
