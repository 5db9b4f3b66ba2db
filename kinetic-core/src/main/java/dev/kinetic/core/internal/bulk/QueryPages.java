package dev.kinetic.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkInterruptedException;
import dev.kinetic.core.bulk.BulkJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Future;

/**
 * The result pages of a finished query job, in order, as opened bodies. Sequentially it follows
 * {@code Sforce-Locator} (with {@code maxRecords}); with {@code resultPages > 1} it lists the page URLs through
 * {@code resultPages} and downloads up to that many pages at once to temporary files. Each page repeats the header.
 * A page can be opened again (locators are stable), which is how a body that breaks off is recovered. Each page comes
 * with the row count its {@code Sforce-NumberOfRecords} header announced; pages fetched in parallel are proven
 * against it (and against a final line break) before they are handed out, and downloaded again if short.
 * Not thread-safe.
 */
final class QueryPages implements AutoCloseable {
    private final JobApi api;
    private final BulkJob job;
    private final CallOptions options;
    private String locator;
    private boolean first = true;
    private boolean done;
    private String currentLocator;
    // parallel mode
    private final boolean parallel;
    private final Executor executor;
    private final Deque<Future<Page>> downloads = new ArrayDeque<>();
    private final Deque<String> pendingUrls = new ArrayDeque<>();
    private String nextListUrl;
    private boolean listed;
    private Path currentFile;
    private long currentRows;

    /** A page downloaded and proven complete. */
    private record Page(Path file, long rows) {
    }

    QueryPages(JobApi api, BulkJob job, CallOptions options) {
        this.api = api;
        this.job = job;
        this.options = options;
        this.parallel = options.resultPages() > 1;
        this.executor = api.transport().config().executor();
    }

    /** Opens the next page, or returns {@code null} after the last one. */
    VerifiedRows.Body next() {
        return parallel ? nextParallel() : nextSequential();
    }

    /** Opens the current page again from its start (after its body broke off or came up short). */
    VerifiedRows.Body reopen() {
        if (parallel) {
            return openFile(currentFile, currentRows);
        }
        return body(api.queryPage(job.id(), currentLocator, options.maxRecordsPerPage()));
    }

    private VerifiedRows.Body nextSequential() {
        if (done) {
            return null;
        }
        currentLocator = first ? null : locator;
        HttpResponse<InputStream> res = api.queryPage(job.id(), currentLocator, options.maxRecordsPerPage());
        first = false;
        String next = res.headers().firstValue("Sforce-Locator").orElse("null");
        if (next.isEmpty() || next.equals("null")) {
            done = true;
        }
        locator = next;
        return body(res);
    }

    private static VerifiedRows.Body body(HttpResponse<InputStream> res) {
        return new VerifiedRows.Body(res.body(), expected(res));
    }

    static OptionalLong expected(HttpResponse<InputStream> res) {
        try {
            return res.headers().firstValue("Sforce-NumberOfRecords").map(String::strip)
                    .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static VerifiedRows.Body openFile(Path file, long rows) {
        try {
            return new VerifiedRows.Body(Files.newInputStream(file), OptionalLong.of(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private VerifiedRows.Body nextParallel() {
        fillDownloads();
        Future<Page> f = downloads.poll();
        if (f == null) {
            return null;
        }
        try {
            deleteCurrent();
            Page page = f.get();
            currentFile = page.file();
            currentRows = page.rows();
            fillDownloads();
            return openFile(currentFile, currentRows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulkInterruptedException(job.id(), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new SalesforceException("A result page failed: " + c, c);
        }
    }

    private void fillDownloads() {
        while (downloads.size() < options.resultPages()) {
            if (pendingUrls.isEmpty() && !listMore()) {
                return;
            }
            String url = pendingUrls.poll();
            FutureTask<Page> task = new FutureTask<>(() -> download(url));
            downloads.add(task);
            executor.execute(task); // at most resultPages downloads are outstanding, whatever the executor
        }
    }

    private boolean listMore() {
        if (listed && nextListUrl == null) {
            return false;
        }
        JsonNode n = api.resultPages(nextListUrl, job.id());
        listed = true;
        for (JsonNode p : n.path("resultPages")) {
            pendingUrls.add(p.path("resultUrl").asText());
        }
        String next = n.path("nextRecordsUrl").asText(n.path("nextRecordUrl").asText(""));
        nextListUrl = next.isEmpty() || next.equals("null") || n.path("done").asBoolean(false) ? null : next;
        return !pendingUrls.isEmpty();
    }

    private Page download(String url) throws IOException {
        PageDownloader.Page p = PageDownloader.download(api, job, url);
        return new Page(p.file(), p.rows());
    }

    private void deleteCurrent() {
        if (currentFile != null) {
            try {
                Files.deleteIfExists(currentFile);
            } catch (IOException e) {
                // temporary file, deleted on exit anyway
            }
            currentFile = null;
        }
    }

    @Override
    public void close() {
        if (parallel) {
            downloads.forEach(f -> f.cancel(true));
            List<Future<Page>> left = new ArrayList<>(downloads);
            for (Future<Page> f : left) {
                try {
                    if (f.isDone() && !f.isCancelled()) {
                        Files.deleteIfExists(f.get().file());
                    }
                } catch (Exception e) {
                    // best effort
                }
            }
        }
        deleteCurrent();
    }
}
