package dev.kinetic.core.internal.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary files that hold CSV built from maps or read from a stream; deleted on exit at the latest. */
final class SpoolDir {
    private SpoolDir() {
    }

    static Path newFile(String prefix) {
        try {
            Path p = Files.createTempFile("kinetic-" + prefix + "-", ".csv");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary spool file (" + e.getMessage() + "); check "
                    + "java.io.tmpdir has space", e);
        }
    }
}
