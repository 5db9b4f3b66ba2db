package dev.kinetic.emulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar kinetic-emulator.jar --port N --data DIR}: serves a local org until stopped.
 * PLACEHOLDER argument handling; the full server main comes on branch emu-http.
 */
public final class Main {
    private Main() {
    }

    /** Runs the server. */
    public static void main(String[] args) throws InterruptedException {
        LocalOrgConfig.Builder config = LocalOrgConfig.builder().quiet(false);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> config.port(Integer.parseInt(args[++i]));
                case "--data" -> config.dataDir(Path.of(args[++i]));
                default -> {
                    System.err.println("Unknown option: " + args[i] + " (use --port N --data DIR)");
                    System.exit(2);
                }
            }
        }
        LocalOrg org = LocalOrg.start(config.build());
        System.out.println("Local org listening on " + org.baseUri());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            org.close();
            stop.countDown();
        }));
        stop.await();
    }
}
