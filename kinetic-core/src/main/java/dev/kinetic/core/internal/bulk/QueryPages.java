package dev.kinetic.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkInterruptedException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The result pages of a finished query job, in order, as opened bodies. Sequentially it follows
 * {@code Sforce-Locator} (with {@code maxRecords}); with {@code resultPages > 1} it lists the page URLs through
 * {@code resultPages} and downloads up to that many pages at once to temporary files. Each page repeats the header.
 * A page can be opened again (locators are stable), which is how a body that breaks off is recovered. Not thread-safe.
 */
final class QueryPages implements AutoCloseable {
    private final JobApi api;
    private final BulkJob job;
    private final BulkOptions options;
    private String locator;
    private boolean first = true;
    private boolean done;
    private String currentLocator;
    // parallel mode
    private final boolean parallel;
    private ExecutorService pool;
    private final Deque<Future<Path>> downloads = new ArrayDeque<>();
    private final Deque<String> pendingUrls = new ArrayDeque<>();
    private String nextListUrl;
    private boolean listed;
    private Path currentFile;

    QueryPages(JobApi api, BulkJob job, BulkOptions options) {
        this.api = api;
        this.job = job;
        this.options = options;
        this.parallel = options.resultPages() > 1;
    }

    /** Opens the next page, or returns {@code null} after the last one. */
    InputStream next() {
        return parallel ? nextParallel() : nextSequential();
    }

    /** Opens the current page again from its start (after its body broke off). */
    InputStream reopen() {
        if (parallel) {
            try {
                return Files.newInputStream(currentFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return api.queryPage(job.id(), currentLocator, options.maxRecordsPerPage()).body();
    }

    private InputStream nextSequential() {
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
        return res.body();
    }

    private InputStream nextParallel() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(options.resultPages(), r -> {
                Thread t = new Thread(r, "kinetic-result-page");
                t.setDaemon(true);
                return t;
            });
        }
        fillDownloads();
        Future<Path> f = downloads.poll();
        if (f == null) {
            return null;
        }
        try {
            deleteCurrent();
            currentFile = f.get();
            fillDownloads();
            return Files.newInputStream(currentFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulkInterruptedException(job.id(), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new SalesforceException("A result page failed: " + c, c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fillDownloads() {
        while (downloads.size() < options.resultPages()) {
            if (pendingUrls.isEmpty() && !listMore()) {
                return;
            }
            String url = pendingUrls.poll();
            downloads.add(pool.submit(() -> download(url)));
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

    private Path download(String url) throws IOException {
        Path file = Files.createTempFile("kinetic-page-", ".csv");
        file.toFile().deleteOnExit();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (InputStream in = api.resultUrl(url).body()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return file;
            } catch (IOException e) {
                last = e;
            }
        }
        Files.deleteIfExists(file);
        throw last;
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
        if (pool != null) {
            pool.shutdownNow();
            List<Future<Path>> left = new ArrayList<>(downloads);
            for (Future<Path> f : left) {
                try {
                    if (f.isDone() && !f.isCancelled()) {
                        Files.deleteIfExists(f.get());
                    }
                } catch (Exception e) {
                    // best effort
                }
            }
        }
        deleteCurrent();
    }
}
