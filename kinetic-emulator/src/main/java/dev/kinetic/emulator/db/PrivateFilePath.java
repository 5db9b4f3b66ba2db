package dev.kinetic.emulator.db;

import dev.kinetic.emulator.files.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system for the org's database: the disk, except that every file H2 creates (the store, its trace file,
 * temporary files) is created mode 600 and every folder 700, so that nothing of the database is ever readable by
 * other users, not even for a moment. Used through the {@value #SCHEME} prefix of the database URL. Public only
 * because H2 makes an instance per path by reflection. Thread-safe.
 */
public final class PrivateFilePath extends FilePathWrapper {
    /** The URL prefix, e.g. {@code jdbc:h2:kineticPrivate:/data/db/org}. */
    static final String SCHEME = "kineticPrivate";

    static {
        FilePath.register(new PrivateFilePath());
    }

    /** For H2, which makes one per path. */
    public PrivateFilePath() {
    }

    /** Makes sure H2 knows the scheme (registration runs once, when this class loads). */
    static String urlPrefix() {
        return SCHEME + ":";
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (mode.contains("w")) {
            createPrivately();
        }
        return super.open(mode);
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        createPrivately();
        return super.newOutputStream(append);
    }

    @Override
    public boolean createFile() {
        try {
            PrivateFiles.createFile(path());
            return true;
        } catch (IOException e) {
            return false; // already there, or not creatable: what H2's disk file system answers too
        }
    }

    @Override
    public void createDirectory() {
        try {
            PrivateFiles.createDirectories(path());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database folder " + path(), e);
        }
    }

    @Override
    public FilePath createTempFile(String suffix, boolean inTempDir) throws IOException {
        FilePath temp = super.createTempFile(suffix, inTempDir);
        // H2 creates it with default permissions; narrow it before anything is written to it.
        PrivateFiles.restrict(Path.of(temp.unwrap().toString()), false);
        return temp;
    }

    private void createPrivately() throws IOException {
        Path file = path();
        if (!Files.exists(file)) {
            try {
                PrivateFiles.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // Created by another thread in between: it was created privately too.
            }
        }
    }

    private Path path() {
        return Path.of(getBase().toString());
    }
}
