package dev.kinetic.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BindAddressTest {
    @Test
    void loopbackLiteralsAndLocalhostAreLoopback() {
        for (String host : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]",
                "0:0:0:0:0:0:0:1"}) {
            assertThat(BindAddress.isLoopback(host)).as(host).isTrue();
        }
    }

    @Test
    void wildcardsInterfaceAddressesAndHostNamesAreRemote() {
        for (String host : new String[] {"0.0.0.0", "::", "[::]", "10.0.0.5", "192.168.1.20", "fe80::1",
                "example.org", "my-laptop", "127.0.0.1.example.org"}) {
            assertThat(BindAddress.isLoopback(host)).as(host).isFalse();
        }
    }

    @Test
    void aRemoteHostNeedsAllowRemoteInTheConfiguration() {
        assertThatThrownBy(() -> LocalOrgConfig.builder().host("0.0.0.0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0.0.0").hasMessageContaining("allowRemote(true)")
                .hasMessageContaining("--allow-remote");
        LocalOrgConfig allowed = LocalOrgConfig.builder().host("0.0.0.0").allowRemote(true).build();
        assertThat(allowed.host()).isEqualTo("0.0.0.0");
        assertThat(allowed.allowRemote()).isTrue();
        assertThat(LocalOrgConfig.defaults().allowRemote()).isFalse();
    }

    @Test
    void theWarningNamesWhatTheNetworkCanReach() {
        assertThat(BindAddress.remoteWarning("0.0.0.0")).startsWith("WARNING").contains("0.0.0.0")
                .contains("/__emulator/").contains("control secret").contains("OAuth").contains("plain HTTP");
    }
}
