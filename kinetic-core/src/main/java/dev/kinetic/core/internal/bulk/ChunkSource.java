package dev.kinetic.core.internal.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The CSV bytes of one job: a header plus a byte range of a file (the caller's file or a spool file). Can be
 * opened any number of times (for the upload, a re-upload, and reading input rows back). Immutable.
 */
public final class ChunkSource {
    private final Path file;
    private final long start;
    private final long end;
    private final byte[] header;
    private final boolean spool;

    ChunkSource(Path file, long start, long end, byte[] header, boolean spool) {
        this.file = file;
        this.start = start;
        this.end = end;
        this.header = header;
        this.spool = spool;
    }

    /** The length of header plus data. */
    long length() {
        return header.length + (end - start);
    }

    /** The header followed by the data rows. */
    InputStream open() {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            ch.position(start);
            InputStream data = new BoundedInputStream(Channels.newInputStream(ch), end - start);
            return new SequenceInputStream(new ByteArrayInputStream(header), data);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the file if it is a spool file of ours. */
    void deleteSpool() {
        if (spool) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // best effort: spool files are also deleted on exit
            }
        }
    }

    /** Reads at most {@code limit} bytes, then reports the end. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
