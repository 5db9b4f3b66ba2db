package dev.kinetic.cli.org;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The disk space of the embedded local org's directory: its database ({@code db/}), its jobs' files ({@code spool/})
 * and the rest (keys, credentials). A file deleted while it is counted counts as empty.
 *
 * @param total    bytes of every regular file under the directory
 * @param database bytes under {@code db/}
 * @param jobFiles bytes under {@code spool/}
 */
public record StoreUsage(long total, long database, long jobFiles) {
    /** Measures the directory (all zero if it does not exist). */
    public static StoreUsage of(Path orgDir) {
        return new StoreUsage(bytes(orgDir), bytes(orgDir.resolve("db")), bytes(orgDir.resolve("spool")));
    }

    /** The bytes of every regular file under a directory; 0 if it does not exist. */
    public static long bytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(StoreUsage::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A size for people, e.g. {@code 12.3 MB} or {@code 512 KB}. */
    public static String format(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%,d KB", (bytes + 1023) / 1024);
        }
        return String.format(Locale.ROOT, "%,.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure " + file + ": " + e.getMessage(), e);
        }
    }
}
