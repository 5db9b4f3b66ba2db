package dev.kinetic.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dependency snippet users copy: kinetic-core's README shows exactly what the consumer project (built in CI
 * against the installed artifacts) uses, at the version being built, and the BOM it imports lists every published
 * artifact at that version.
 */
class DependencySnippetTest {
    private static final Path ROOT = Path.of("..");
    private static final String VERSION = System.getProperty("kinetic.version");

    private static String consumerSnippet() throws IOException {
        String pom = Files.readString(ROOT.resolve("samples/consumer/pom.xml"));
        Matcher m = Pattern.compile("<!-- readme-snippet:start[^>]*-->\\n(.*?)\\n\\s*<!-- readme-snippet:end -->",
                Pattern.DOTALL).matcher(pom);
        assertThat(m.find()).as("samples/consumer/pom.xml marks its snippet").isTrue();
        return m.group(1).lines().map(l -> l.startsWith("  ") ? l.substring(2) : l)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void readmeShowsTheConsumerProjectsSnippetVerbatim() throws IOException {
        String readme = Files.readString(ROOT.resolve("kinetic-core/README.md"));

        assertThat(readme).contains("```xml\n" + consumerSnippet() + "\n```");
    }

    @Test
    void snippetImportsTheBomAtTheVersionBeingBuilt() throws IOException {
        assertThat(VERSION).as("surefire passes kinetic.version").isNotBlank();
        assertThat(consumerSnippet()).containsPattern("<artifactId>kinetic-bom</artifactId>\\s*<version>"
                + Pattern.quote(VERSION) + "</version>");
    }

    @Test
    void bomHasTheVersionBeingBuiltAndListsEveryPublishedArtifact() throws IOException {
        String bom = Files.readString(ROOT.resolve("kinetic-bom/pom.xml"));

        assertThat(bom).containsPattern("<artifactId>kinetic-bom</artifactId>\\s*<version>" + Pattern.quote(VERSION)
                + "</version>");
        for (String artifact : new String[] {"kinetic-core", "kinetic-emulator", "kinetic-emulator-junit"}) {
            assertThat(bom).containsPattern("<artifactId>" + artifact
                    + "</artifactId>\\s*<version>\\$\\{project.version}");
        }
    }
}
