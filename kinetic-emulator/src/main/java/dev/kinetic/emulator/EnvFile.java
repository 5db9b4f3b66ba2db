package dev.kinetic.emulator;

import java.io.IOException;
import dev.kinetic.emulator.auth.PlainSecrets;
import dev.kinetic.emulator.control.ControlSecret;
import dev.kinetic.emulator.files.PrivateFiles;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes {@code local-org.env}: {@code NAME=value} lines and {@code #} comments. It is written whole to a
 * mode-600 temporary file, forced to disk, then renamed over the old one, so a crash leaves either the old file or
 * the new one. Its plain secrets are how a restart hands out the same client secret, password, security token and
 * control secret again (the database keeps only hashes). Thread-safe (no state).
 */
final class EnvFile {
    /** The secrets an earlier start handed out, as far as the file still holds them. */
    record Previous(Optional<String> controlSecret, PlainSecrets plain) {
        @Override
        public String toString() {
            return "Previous[(redacted)]";
        }
    }

    private EnvFile() {
    }

    /** The secrets of an existing env file; all absent when there is none. */
    static Previous previous(Path file) throws IOException {
        Map<String, String> vars = read(file);
        return new Previous(Optional.ofNullable(vars.get(ControlSecret.ENV_NAME)).filter(ControlSecret::wellFormed),
                new PlainSecrets(value(vars, "SF_CLIENT_SECRET"), value(vars, "SF_PASSWORD"),
                        value(vars, "SF_SECURITY_TOKEN")));
    }

    private static Optional<String> value(Map<String, String> vars, String name) {
        return Optional.ofNullable(vars.get(name)).filter(v -> !v.isEmpty());
    }

    /** The variables of an env file; empty when it does not exist. Malformed lines are skipped. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return vars;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                vars.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return vars;
    }

    /** Replaces {@code file} with {@code text}: mode 600 from creation, on disk before the rename. */
    static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        PrivateFiles.createFile(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(StandardCharsets.UTF_8.encode(text));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
