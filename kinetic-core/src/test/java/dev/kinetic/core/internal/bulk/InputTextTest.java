package dev.kinetic.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputTextTest {
    @TempDir
    Path dir;

    @Test
    void asciiAndValidUtf8Pass() throws IOException {
        Path ascii = Files.writeString(dir.resolve("ascii.csv"), "Name\nAcme\n");
        Path utf8 = Files.writeString(dir.resolve("utf8.csv"), "Name\ncaf\u00e9 cr\u00e8me \u65e5\u672c\n");

        assertThatCode(() -> InputText.check(ascii, StandardCharsets.UTF_8)).doesNotThrowAnyException();
        assertThatCode(() -> InputText.check(utf8, StandardCharsets.UTF_8)).doesNotThrowAnyException();
    }

    @Test
    void anUndecodableByteAfterALongAsciiStartIsRefusedNamingItsLine() throws IOException {
        // Past the 64 KB read buffer, so the byte scan stops mid-file and the decoding starts over.
        String start = "Name\n" + "Acme\n".repeat(20_000);
        byte[] latin1 = (start + "caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.csv"), latin1);

        assertThatThrownBy(() -> InputText.check(file, StandardCharsets.UTF_8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Line 20002 of " + file)
                .hasMessageContaining("byte " + (start.length() + 4) + " of the file");
    }
}
