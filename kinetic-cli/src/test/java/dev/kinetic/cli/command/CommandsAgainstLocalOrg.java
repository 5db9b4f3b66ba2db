package dev.kinetic.cli.command;

import dev.kinetic.cli.CliRunner;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.junit.LocalOrgTest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command tests against one local org started in-process for the class and not emptied between tests (each test
 * looks only at what it wrote), each test in its own temporary working directory.
 */
@LocalOrgTest(resetBeforeEachTest = false)
abstract class CommandsAgainstLocalOrg {
    /** The class's local org. */
    LocalOrg org;

    /** The test's working directory. */
    @TempDir
    Path dir;

    @BeforeEach
    void keep(LocalOrg started) {
        org = started;
    }

    /** Runs the command against the org with its admin token, progress off. */
    CliRunner.Result run(String... args) {
        return CliRunner.against(org, dir, args);
    }
}
