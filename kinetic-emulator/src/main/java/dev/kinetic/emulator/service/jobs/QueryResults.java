package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.state.JobFiles;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

/**
 * Serves pages of a finished query job's spool CSV: finds a page's byte range from the sparse row index (then skips
 * at most {@value QueryJobRunner#INDEX_STEP} rows, quote-aware), and streams the header followed by that range.
 * Locators are unpadded base64 of the page's first row number. Immutable once loaded; thread-safe.
 */
public final class QueryResults {
    private final JobFiles files;
    private final QueryIndex.Loaded index;
    private final long headerLength;
    private final long fileLength;
    private final long rows;

    private QueryResults(JobFiles files, QueryIndex.Loaded index) {
        this.files = files;
        this.index = index;
        this.headerLength = index.headerLength();
        this.fileLength = index.fileLength();
        this.rows = index.rows();
    }

    static QueryResults load(JobFiles files) {
        try {
            return new QueryResults(files, QueryIndex.read(files));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the query result index of " + files.dir(), e);
        }
    }

    /** The number of result rows. */
    public long rows() {
        return rows;
    }

    /** One page: rows {@code [first, first + count)} and the locator of the next page ({@code null} on the last). */
    public record Page(long first, long count, String nextLocator) {
    }

    /** The page that starts at a locator (absent: the first row) with at most {@code maxRecords} rows. */
    public Page page(String locator, long maxRecords) {
        long first = locator == null ? 0 : decode(locator);
        long count = Math.min(maxRecords, rows - first);
        long next = first + count;
        return new Page(first, count, next < rows ? encode(next) : "null");
    }

    /** Writes the header row and the page's rows. */
    public void write(Page page, OutputStream out) throws IOException {
        long start = offsetOfRow(page.first());
        long end = offsetOfRow(page.first() + page.count());
        try (FileChannel ch = FileChannel.open(files.queryResult(), StandardOpenOption.READ)) {
            copy(ch, 0, headerLength, out);
            copy(ch, start, end, out);
        }
    }

    /** The locator of a row number: unpadded base64 of its decimal digits, e.g. {@code MTAwMDA} for 10000. */
    static String encode(long row) {
        return Base64.getEncoder().withoutPadding().encodeToString(Long.toString(row)
                .getBytes(StandardCharsets.US_ASCII));
    }

    long decode(String locator) {
        try {
            long row = Long.parseLong(new String(Base64.getDecoder().decode(locator), StandardCharsets.US_ASCII));
            if (row >= 0 && row <= rows) {
                return row;
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the error below.
        }
        throw JobException.invalid("INVALID_QUERY_LOCATOR", "Invalid locator '" + locator
                + "'; use the Sforce-Locator header of the previous page as it is");
    }

    private long offsetOfRow(long row) throws IOException {
        if (row >= rows) {
            return fileLength;
        }
        long[] seek = index.seek(row);
        long pos = seek[0];
        long skip = seek[1];
        if (skip == 0) {
            return pos;
        }
        try (FileChannel ch = FileChannel.open(files.queryResult(), StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(ch.position(pos))) {
            byte[] buf = new byte[1 << 16];
            boolean quoted = false;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == '\n' && !quoted && --skip == 0) {
                        return pos + i + 1;
                    }
                }
                pos += n;
            }
        }
        return fileLength;
    }

    private static void copy(FileChannel ch, long start, long end, OutputStream out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = start;
        while (pos < end) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), end - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            out.write(buf.array(), 0, n);
            pos += n;
        }
    }
}
