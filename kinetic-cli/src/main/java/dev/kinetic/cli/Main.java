package dev.kinetic.cli;

import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;

/** The {@code kinetic} command. PLACEHOLDER until the CLI lands: starts the local org and says so. */
public final class Main {
    private Main() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        try (LocalOrg org = LocalOrg.start(LocalOrgConfig.defaults())) {
            System.out.println("Using the embedded local org at " + org.baseUri());
            System.out.println("The kinetic command is being built; the local org starts and stops correctly.");
        }
    }
}
