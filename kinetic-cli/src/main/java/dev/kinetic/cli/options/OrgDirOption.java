package dev.kinetic.cli.options;

import picocli.CommandLine.Option;

/** The embedded local org's directory, for the commands that look after its store ({@code kinetic org ...}). */
public final class OrgDirOption {
    @Option(names = "--org-dir", paramLabel = "DIR",
            description = "The embedded local org's directory (default .kinetic/local-org).")
    String orgDir;

    /** The directory, relative to the working directory unless absolute. */
    public String orgDir() {
        return OrgOptions.orgDirOr(orgDir);
    }
}
