package dev.kinetic.core.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.core.BulkApiException;
import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists a finished query job's result page URLs and downloads one page, proven complete. Thread-safe. */
final class ResultPageReader {
    private final JobApi api;

    ResultPageReader(JobApi api) {
        this.api = api;
    }

    /** Every page URL in order, following {@code nextRecordsUrl}; empty when the server has no resultPages. */
    Optional<List<String>> pageUrls(String jobId, int maxRecords) {
        List<String> urls = new ArrayList<>();
        String next = null;
        do {
            JsonNode n;
            try {
                n = api.resultPages(next, jobId, maxRecords);
            } catch (BulkApiException e) {
                if (e.httpStatus() == 404 && next == null && api.get(JobKind.QUERY, jobId) != null) {
                    return Optional.empty(); // the job exists: the server lacks resultPages (before v58.0)
                }
                throw e;
            }
            for (JsonNode p : n.path("resultPages")) {
                urls.add(p.path("resultUrl").asText());
            }
            String more = n.path("nextRecordsUrl").asText(n.path("nextRecordUrl").asText(""));
            next = more.isEmpty() || more.equals("null") || n.path("done").asBoolean(false) ? null : more;
        } while (next != null);
        return Optional.of(urls);
    }

    /** Downloads one page to a temporary file (deleted on close) once it is proven complete. */
    InputStream page(String jobId, String url) {
        BulkJob job = api.get(JobKind.QUERY, jobId);
        if (!job.state().equals(JobState.JOB_COMPLETE)) {
            throw new IllegalStateException("Query job " + jobId + " is " + job.state()
                    + "; its result pages can be read once it is JobComplete");
        }
        try {
            return new DeletingInputStream(PageDownloader.download(api, job, url).file());
        } catch (BulkJobException e) {
            throw e;
        } catch (IOException e) {
            throw BulkJobException.after(new UncheckedIOException(e), List.of(job));
        } catch (SalesforceException | UncheckedIOException e) {
            throw BulkJobException.after(e, List.of(job));
        }
    }
}
