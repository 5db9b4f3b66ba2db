package dev.kinetic.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void parsesEveryOptionInBothForms() throws Exception {
        Path schema = Files.writeString(dir.resolve("custom.json"), "{}");
        LocalOrgConfig config = Main.parse(new String[] {"--port", "8123", "--data=" + dir, "--schema", schema.toString(),
                "--token-ttl", "60", "--host", "0.0.0.0", "--allow-remote"});
        assertThat(config.port()).isEqualTo(8123);
        assertThat(config.dataDir()).contains(dir);
        assertThat(config.schemaFiles()).containsExactly(schema);
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.quiet()).isFalse();
        assertThat(config.allowRemote()).isTrue();
    }

    @Test
    void bindingBeyondLoopbackWithoutAllowRemoteIsAUsageErrorNamingTheFlag() {
        for (String host : new String[] {"0.0.0.0", "::", "192.168.1.20", "example.org"}) {
            assertThatThrownBy(() -> Main.parse(new String[] {"--host", host}))
                    .isInstanceOf(Main.UsageException.class)
                    .hasMessageContaining("--host " + host).hasMessageContaining("--allow-remote");
        }
        assertThatThrownBy(() -> Main.parse(new String[] {"--allow-remote=yes"}))
                .hasMessage("--allow-remote takes no value, got --allow-remote=yes");
    }

    @Test
    void loopbackAddressesNeedNoFlag() throws Exception {
        for (String host : new String[] {"127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"}) {
            LocalOrgConfig config = Main.parse(new String[] {"--host", host});
            assertThat(config.host()).isEqualTo(host);
            assertThat(config.allowRemote()).isFalse();
        }
    }

    @Test
    void badArgumentsGiveOneClearLine() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "http"}))
                .hasMessage("--port needs a whole number, got http");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "70000"}))
                .hasMessage("--port must be 0..65535, got 70000");
        assertThatThrownBy(() -> Main.parse(new String[] {"--data"})).hasMessage("--data needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--verbose"})).hasMessage("unknown option --verbose");
        assertThatThrownBy(() -> Main.parse(new String[] {"--schema", dir.resolve("missing.json").toString()}))
                .hasMessageStartingWith("--schema file not found: ");
        assertThatThrownBy(() -> Main.parse(new String[] {"--token-ttl", "0"}))
                .hasMessage("--token-ttl must be at least 1 second, got 0");
    }

    @Test
    void helpIsRecognisedAnywhere() {
        assertThat(Main.wantsHelp(new String[] {"--port", "1", "--help"})).isTrue();
        assertThat(Main.wantsHelp(new String[] {"--port", "1"})).isFalse();
        assertThat(Main.USAGE).contains("--port N").contains("--data DIR").contains("--token-ttl SECONDS")
                .contains("--allow-remote");
    }
}
