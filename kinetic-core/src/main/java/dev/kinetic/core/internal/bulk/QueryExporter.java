package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkExportResult;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.IncompleteResultException;
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
 * memory. Every page is proven before the next starts: a page that breaks off, ends mid-row or has fewer rows than
 * its {@code Sforce-NumberOfRecords} is fetched again (with the back-off) and the file cut back to where that page
 * started. At the end the file's rows are checked against the job's {@code numberRecordsProcessed}; a mismatch
 * exports the whole result once more, and if it persists throws {@link IncompleteResultException}.
 */
final class QueryExporter {
    private QueryExporter() {
    }

    static BulkExportResult export(JobApi api, BulkJob job, Path file, CallOptions options) {
        for (int pass = 1; ; pass++) {
            BulkExportResult result = exportOnce(api, job, file, options);
            if (result.recordCount() == job.numberRecordsProcessed().orElse(0)) {
                return result;
            }
            if (pass >= 2) {
                throw new IncompleteResultException(job, "query results (the file " + file + " holds what was "
                        + "read)", job.numberRecordsProcessed().orElse(0), result.recordCount(), null);
            }
        }
    }

    private static BulkExportResult exportOnce(JobApi api, BulkJob job, Path file, CallOptions options) {
        long records = 0;
        try (QueryPages pages = new QueryPages(api, job, options);
             FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            boolean firstPage = true;
            VerifiedRows.Body page;
            while ((page = pages.next()) != null) {
                long pageStart = out.position();
                int rereads = 0;
                while (true) {
                    CsvRowCounter counter = new CsvRowCounter();
                    IOException broke = null;
                    try (InputStream body = page.in()) {
                        copyPage(body, out, !firstPage, records, counter, options, file);
                    } catch (IOException e) {
                        broke = e;
                    }
                    boolean complete = broke == null && counter.endedCleanly()
                            && (page.expected().isEmpty() || page.expected().getAsLong() == counter.rows());
                    if (complete) {
                        records += counter.rows();
                        break;
                    }
                    if (rereads >= api.maxRereads()) {
                        throw new IncompleteResultException(job, "query result page", page.expected()
                                .orElse(counter.rows()), counter.rows(), broke);
                    }
                    out.truncate(pageStart);
                    out.position(pageStart);
                    api.pauseBeforeReread(rereads++);
                    page = pages.reopen();
                }
                firstPage = false;
            }
            return BulkExportResult.of(job, file, records, out.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot export job " + job.id() + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies one page, counting its rows as they go by. A reading failure throws {@link IOException} (the page is
     * read again); a writing failure throws {@link UncheckedIOException} (the disk, not the network).
     */
    private static void copyPage(InputStream in, FileChannel out, boolean skipHeader, long before,
                                 CsvRowCounter counter, CallOptions options, Path file) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            boolean headerBefore = counter.inHeader();
            int headerEnd = counter.feed(buf, 0, n);
            int start = 0;
            if (skipHeader && headerBefore) {
                if (headerEnd < 0) {
                    continue; // still inside the repeated header
                }
                start = headerEnd;
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, start, n - start);
            try {
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            options.onRecordsRead().accept(before + counter.rows());
        }
    }
}
