package dev.kinetic.emulator.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders of the org's data directory that only its owner can read: files are created mode {@code 600}
 * and folders {@code 700} from the start (never widened, then narrowed), and {@link #restrict(Path, boolean)}
 * narrows what an older version left. On a file system without POSIX permissions they are created with its
 * defaults. Thread-safe (no state).
 */
public final class PrivateFiles {
    /** {@code rw-------}. */
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** {@code rwx------}. */
    public static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private static final List<OpenOption> DEFAULT_WRITE = List.of(StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);

    private PrivateFiles() {
    }

    /** Whether the file system of {@code path} has POSIX permissions. */
    public static boolean posix(Path path) {
        FileSystem fs = path.getFileSystem();
        return fs.supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} and its missing parents, each created one mode 700. */
    public static Path createDirectories(Path dir) throws IOException {
        return posix(dir) ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE))
                : Files.createDirectories(dir);
    }

    /** Creates a new empty file, mode 600. */
    public static Path createFile(Path file) throws IOException {
        return Files.createFile(file, fileAttributes(file));
    }

    /**
     * Opens a file for writing like {@link Files#newOutputStream} (by default create, truncate, write), creating it
     * mode 600.
     */
    public static OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
        List<OpenOption> opts = options.length == 0 ? DEFAULT_WRITE : List.of(options);
        Set<OpenOption> set = new java.util.HashSet<>(opts);
        set.add(StandardOpenOption.WRITE);
        return Channels.newOutputStream(Files.newByteChannel(file, set, fileAttributes(file)));
    }

    /** Opens a file channel like {@link FileChannel#open(Path, OpenOption...)}, creating the file mode 600. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, Set.of(options), fileAttributes(file));
    }

    /** Replaces {@code target} with a copy of {@code source}; the copy is mode 600. */
    public static void copy(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, out);
            }
        }
    }

    /**
     * Narrows {@code root} to mode 700 (a folder) or 600 (a file) and, with {@code tree}, every folder under it to
     * 700 and every file to 600, not following symbolic links. Does nothing on a file system without POSIX
     * permissions or when {@code root} is missing.
     */
    public static void restrict(Path root, boolean tree) throws IOException {
        if (!posix(root) || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!tree) {
            narrow(root);
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(p -> {
                try {
                    narrow(p);
                } catch (NoSuchFileException gone) {
                    // Deleted while walking (a job cleaned up): nothing to narrow.
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot make " + p + " private to its owner", e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void narrow(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(p, DIR_MODE);
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(p, FILE_MODE);
        }
    }

    private static FileAttribute<?>[] fileAttributes(Path file) {
        return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
    }
}
