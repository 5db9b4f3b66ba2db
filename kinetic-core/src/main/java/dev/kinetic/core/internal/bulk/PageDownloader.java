package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.IncompleteResultException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Downloads one query result page (a {@code resultPages} URL) to a temporary file and proves it complete against its
 * {@code Sforce-NumberOfRecords} and a final line break, downloading it again with the back-off when it broke off or
 * came up short. Stateless.
 */
final class PageDownloader {
    /** A page downloaded and proven complete: its file and data rows. */
    record Page(Path file, long rows) {
    }

    private PageDownloader() {
    }

    /** Downloads {@code url}; what stays short throws {@link IncompleteResultException} naming the job. */
    static Page download(JobApi api, BulkJob job, String url) throws IOException {
        Path file = SpoolDir.newFile("page");
        IOException broke = null;
        OptionalLong expected = OptionalLong.empty();
        CsvRowCounter counter = new CsvRowCounter();
        for (int attempt = 0; attempt <= api.maxRereads(); attempt++) {
            if (attempt > 0) {
                api.pauseBeforeReread(attempt - 1);
            }
            HttpResponse<InputStream> res = api.resultUrl(url);
            expected = QueryPages.expected(res);
            counter = new CsvRowCounter();
            broke = null;
            try (InputStream in = res.body(); OutputStream out = Files.newOutputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    counter.feed(buf, 0, n);
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                broke = e;
            }
            if (broke == null && counter.endedCleanly()
                    && (expected.isEmpty() || expected.getAsLong() == counter.rows())) {
                return new Page(file, counter.rows());
            }
        }
        Files.deleteIfExists(file);
        throw new IncompleteResultException(job, "query result page " + url, expected.orElse(counter.rows()),
                counter.rows(), broke);
    }
}
