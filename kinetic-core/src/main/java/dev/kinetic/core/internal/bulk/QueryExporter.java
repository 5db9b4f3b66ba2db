package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkExportResult;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Copies a finished query job's pages straight into a file: the first page whole, later pages without their
 * repeated header. Rows are counted with a quote-aware scan as the bytes go by, so nothing is parsed or held in
 * memory. A page whose body breaks off is fetched again and the file cut back to where that page started.
 */
final class QueryExporter {
    private static final int MAX_PAGE_RETRIES = 3;

    private QueryExporter() {
    }

    static BulkExportResult export(JobApi api, BulkJob job, Path file, BulkOptions options) {
        long records = 0;
        try (QueryPages pages = new QueryPages(api, job, options);
             FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            boolean firstPage = true;
            InputStream in;
            while ((in = pages.next()) != null) {
                long pageStart = out.position();
                int attempt = 0;
                while (true) {
                    try (InputStream body = in) {
                        long n = copyPage(body, out, !firstPage, records, options);
                        records += n;
                        break;
                    } catch (IOException e) {
                        if (++attempt > MAX_PAGE_RETRIES) {
                            throw e;
                        }
                        out.truncate(pageStart);
                        out.position(pageStart);
                        in = pages.reopen();
                    }
                }
                firstPage = false;
            }
            return new BulkExportResult(job, file, records, out.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot export job " + job.id() + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Copies one page; returns the number of data rows in it. */
    private static long copyPage(InputStream in, FileChannel out, boolean skipHeader, long before,
                                 BulkOptions options) throws IOException {
        byte[] buf = new byte[1 << 16];
        boolean quoted = false;
        boolean inHeader = true;
        boolean rowHasBytes = false;
        long rows = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '"') {
                    quoted = !quoted;
                    rowHasBytes = true;
                } else if (b == '\n' && !quoted) {
                    if (inHeader) {
                        inHeader = false;
                        if (skipHeader) {
                            start = i + 1;
                        }
                    } else if (rowHasBytes) {
                        rows++;
                    }
                    rowHasBytes = false;
                } else if (b != '\r') {
                    rowHasBytes = true;
                }
            }
            if (inHeader && skipHeader) {
                continue; // still inside the repeated header
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, start, n - start);
            while (bb.hasRemaining()) {
                out.write(bb);
            }
            options.onRecordsRead().accept(before + rows);
        }
        if (rowHasBytes && !inHeader) {
            rows++; // last row without a line ending
        }
        return rows;
    }
}
