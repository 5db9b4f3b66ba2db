package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The 150 MB upload limit, enforced while streaming, within a 128 MB heap: runs {@link UploadLimitProbe} (org and
 * client together) in a forked JVM with {@code -Xmx128m}, so holding an upload in memory would fail it.
 */
class UploadLimitTest {
    @Test
    void refusesUploadsOverTheLimitAndStoresLargeOnesWithinABoundedHeap() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", classpath,
                UploadLimitProbe.class.getName()).redirectErrorStream(true).start();
        byte[] output = probe.getInputStream().readAllBytes();
        assertThat(probe.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as(text).isZero();
        assertThat(text).contains("PASS refused 158334976 bytes with 413")
                .contains("PASS accepted 146800640 bytes with a max heap of");
    }
}
