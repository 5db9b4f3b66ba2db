package dev.kinetic.core.internal.bulk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Remembers how many bytes went by and the last one, so a reader can tell a body that ended mid-row. */
final class TailStream extends FilterInputStream {
    private long bytes;
    private int last = -1;

    TailStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bytes++;
            last = b;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            bytes += n;
            last = buf[off + n - 1] & 0xFF;
        }
        return n;
    }

    /** Whether the body was empty or ended with a line break (Salesforce ends every CSV row with one). */
    boolean endedCleanly() {
        return bytes == 0 || last == '\n';
    }
}
