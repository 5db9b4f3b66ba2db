package dev.kinetic.emulator.http.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.service.jobs.QueryJobService;
import dev.kinetic.emulator.service.jobs.QueryResults;
import dev.kinetic.emulator.service.jobs.QuerySpec;
import dev.kinetic.emulator.state.JobInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The query job endpoints: parse, call {@link QueryJobService}, render. Thread-safe. */
final class QueryHandlers {
    static final double MIN_VERSION = 47.0;
    static final double MIN_RESULT_PAGES_VERSION = 58.0;

    private final QueryJobService jobs;

    QueryHandlers(QueryJobService jobs) {
        this.jobs = jobs;
    }

    void create(ApiExchange ex) {
        double version = BulkRoutes.version(ex, MIN_VERSION);
        JsonNode n = BulkJson.object(ex.body());
        QuerySpec spec = new QuerySpec(BulkJson.text(n, "operation"), BulkJson.text(n, "query"),
                BulkJson.text(n, "contentType"), BulkJson.text(n, "columnDelimiter"), BulkJson.text(n, "lineEnding"));
        JobInfo info = jobs.create(spec, ex.session().userId(), version);
        ex.json(200, JobInfoJson.render(info, JobInfoJson.Form.CREATE));
    }

    void results(ApiExchange ex) throws IOException {
        double version = BulkRoutes.version(ex, MIN_VERSION);
        long max = QueryJobService.maxRecords(ex.query("maxRecords"));
        QueryResults results = jobs.results(ex.pathParam("jobId"), version);
        QueryResults.Page page = results.page(ex.query("locator").filter(l -> !l.isEmpty()).orElse(null), max);
        ex.responseHeader("Sforce-Locator", page.nextLocator());
        ex.responseHeader("Sforce-NumberOfRecords", Long.toString(page.count()));
        try (OutputStream out = ex.stream(200, IngestHandlers.CSV)) {
            results.write(page, out);
        }
    }

    void resultPages(ApiExchange ex) {
        double version = BulkRoutes.version(ex, MIN_RESULT_PAGES_VERSION);
        String jobId = ex.pathParam("jobId");
        long max = QueryJobService.maxRecords(ex.query("maxRecords"));
        QueryResults results = jobs.results(jobId, version);
        QueryJobService.PageListing listing = jobs.pageListing(results,
                ex.query("locator").filter(l -> !l.isEmpty()).orElse(null), max);
        String job = base(version) + "/jobs/query/" + jobId;
        String size = ex.query("maxRecords").isPresent() ? "maxRecords=" + max : "";
        List<Object> pages = new ArrayList<>();
        for (String locator : listing.locators()) {
            pages.add(Map.of("resultUrl", job + "/results" + params(locator.isEmpty() ? "" : "locator=" + locator,
                    size)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resultPages", pages);
        m.put("nextRecordsUrl", listing.next().map(l -> job + "/resultpages" + params("locator=" + l, size))
                .orElse(null));
        m.put("done", listing.next().isEmpty());
        ex.json(200, m);
    }

    private static String params(String a, String b) {
        String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + "&" + b;
        return joined.isEmpty() ? "" : "?" + joined;
    }

    private static String base(double version) {
        return String.format(Locale.ROOT, "/services/data/v%.1f", version);
    }
}
