package dev.kinetic.core.internal.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary files in {@code java.io.tmpdir}: CSV built from maps or read from a stream, and spilled row indexes.
 * Each has a fresh random name and is only ever reached through the {@link Path} returned here, so a file left by a
 * process that died cannot be mistaken for one of a later run; deleted by their owner, on exit at the latest.
 */
final class SpoolDir {
    private SpoolDir() {
    }

    static Path newFile(String prefix) {
        return newFile(prefix, ".csv");
    }

    /** A new empty file named {@code kinetic-PREFIX-<random>SUFFIX}, never reused by name. */
    static Path newFile(String prefix, String suffix) {
        return newFile(null, prefix, suffix);
    }

    /** As {@link #newFile(String, String)}, in {@code dir}, or in {@code java.io.tmpdir} if it is {@code null}. */
    static Path newFile(Path dir, String prefix, String suffix) {
        try {
            Path p = dir == null ? Files.createTempFile("kinetic-" + prefix + "-", suffix)
                    : Files.createTempFile(dir, "kinetic-" + prefix + "-", suffix);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary spool file (" + e.getMessage() + "); check "
                    + "java.io.tmpdir has space", e);
        }
    }
}
