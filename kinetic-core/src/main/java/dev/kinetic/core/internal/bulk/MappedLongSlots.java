package dev.kinetic.core.internal.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code long} cells in a spool file mapped into memory, so they take no Java heap: the operating system pages them
 * in and out. The file is written with zeros in full when made, so a full disk fails here with an
 * {@link UncheckedIOException} rather than later, inside a mapped write.
 *
 * <p>The file's name is removed as soon as it is mapped (Linux and macOS keep a mapped file's blocks until it is
 * unmapped), so no file is left behind even if the process is killed: the kernel frees the blocks when the process
 * ends. Where a mapped file cannot be deleted (Windows), it is deleted on {@link #close()}, when this object is
 * collected unclosed, and on exit at the latest. {@link #close()} also unmaps the file ({@link Unmapper}), so its
 * blocks are freed then. Not thread-safe: a read after or during {@link #close()} fails.
 */
final class MappedLongSlots implements LongSlots {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int SHIFT = 27;                 // 2^27 longs = 1 GiB per mapping (a mapping is < 2 GiB)
    private static final long MASK = (1L << SHIFT) - 1;
    private static final int ZEROS = 1 << 20;

    private final Path file;
    private final Cleaner.Cleanable deleter;
    private MappedByteBuffer[] mappings;
    private LongBuffer[] segments;

    MappedLongSlots(long size, Path dir) {
        this.file = SpoolDir.newFile(dir, "index", ".bin");
        Path toDelete = file;
        this.deleter = CLEANER.register(this, () -> InputChunks.deleteQuietly(toDelete));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            fillWithZeros(ch, size * Long.BYTES);
            int count = (int) ((size + MASK) >>> SHIFT);
            mappings = new MappedByteBuffer[count];
            segments = new LongBuffer[count];
            for (int i = 0; i < count; i++) {
                long first = (long) i << SHIFT;
                long longs = Math.min(1L << SHIFT, size - first);
                mappings[i] = ch.map(FileChannel.MapMode.READ_WRITE, first * Long.BYTES, longs * Long.BYTES);
                segments[i] = mappings[i].order(ByteOrder.nativeOrder()).asLongBuffer();
            }
            InputChunks.deleteQuietly(file); // mapped: the blocks stay while mapped, the name goes now
        } catch (IOException | RuntimeException e) {
            unmap();
            deleter.clean();
            throw new UncheckedIOException("Cannot write the row index file " + file + " (" + size * Long.BYTES
                    + " bytes) used to map results to input rows: " + e.getMessage() + "; check java.io.tmpdir has "
                    + "space", e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static void fillWithZeros(FileChannel ch, long bytes) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZEROS, Math.max(1, bytes)));
        long written = 0;
        while (written < bytes) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - written));
            written += ch.write(zeros, written);
        }
    }

    @Override
    public long get(long index) {
        return segments[(int) (index >>> SHIFT)].get((int) (index & MASK));
    }

    @Override
    public void set(long index, long value) {
        segments[(int) (index >>> SHIFT)].put((int) (index & MASK), value);
    }

    @Override
    public void close() {
        unmap();
        deleter.clean();
    }

    private void unmap() {
        MappedByteBuffer[] toUnmap = mappings;
        segments = null;
        mappings = null;
        if (toUnmap != null) {
            for (MappedByteBuffer m : toUnmap) {
                if (m != null) {
                    Unmapper.unmap(m);
                }
            }
        }
    }
}
