package dev.kinetic.cli.command;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the bytes and the CSV records (line feeds outside quotes) that pass through, reporting bytes as they go,
 * so an upload shows progress and learns its row count without a second pass over the file. Not thread-safe.
 */
final class CountingInputStream extends FilterInputStream {
    private final LongConsumer onBytes;
    private long bytes;
    private long lineFeeds;
    private boolean quoted;
    private int last = -1;

    CountingInputStream(InputStream in, LongConsumer onBytes) {
        super(in);
        this.onBytes = onBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            scan(b);
            bytes++;
            onBytes.accept(bytes);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            for (int i = offset; i < offset + n; i++) {
                scan(buffer[i] & 0xFF);
            }
            bytes += n;
            onBytes.accept(bytes);
        }
        return n;
    }

    private void scan(int b) {
        if (b == '"') {
            quoted = !quoted;
        } else if (b == '\n' && !quoted) {
            lineFeeds++;
        }
        last = b;
    }

    /** Bytes read so far. */
    long bytes() {
        return bytes;
    }

    /** Data records read so far: lines after the header, counting a last line without a line feed. */
    long records() {
        long lines = lineFeeds + (last >= 0 && last != '\n' ? 1 : 0);
        return Math.max(0, lines - 1);
    }
}
