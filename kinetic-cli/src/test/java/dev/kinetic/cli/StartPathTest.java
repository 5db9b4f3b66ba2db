package dev.kinetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * How a run's command line is built: only the command the arguments name, so that its start loads and reflects on
 * nothing else (what a forked run loads is checked by
 * {@code OrgCommandsTest.anInsertIntoARemoteOrgLoadsNoneOfTheEmbeddedOrgsClassesAndNoOtherCommand}).
 */
class StartPathTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandIsFoundByTheNameItsAnnotationGivesItAndTheFullCommandLineHasThemAll() {
        for (String name : KineticCommand.SUBCOMMANDS) {
            assertThat(KineticCommand.subcommand(name).getAnnotation(picocli.CommandLine.Command.class).name())
                    .isEqualTo(name);
        }
        CommandLine full = KineticCli.create(new CliContext(Map.of(), dir, Clock.systemUTC(), false));
        assertThat(full.getSubcommands().keySet()).containsExactlyElementsOf(KineticCommand.SUBCOMMANDS);
        CommandLine one = KineticCli.create(new CliContext(Map.of(), dir, Clock.systemUTC(), false), "query", "x");
        assertThat(one.getSubcommands().keySet()).containsExactly("query");
        CommandLine help = KineticCli.create(new CliContext(Map.of(), dir, Clock.systemUTC(), false), "help", "query");
        assertThat(help.getSubcommands().keySet()).containsExactlyElementsOf(KineticCommand.SUBCOMMANDS);
    }
}
