package dev.kinetic.emulator.http.rest;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.ApiExchange;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import dev.kinetic.emulator.soql.PreparedQuery;
import dev.kinetic.emulator.soql.RecordLayout;
import dev.kinetic.emulator.soql.SoqlEngine;
import dev.kinetic.emulator.soql.SoqlException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST query resources: {@code GET /query?q=} and {@code /queryAll?q=} run SOQL on the same engine as Bulk query
 * jobs and answer {@code {totalSize, done, nextRecordsUrl, records}}; {@code GET /query/{locator}} (and
 * {@code /queryAll/{locator}}) serves the next page. Pages hold 2,000 records, or the {@code batchSize} (200–2000)
 * of a {@code Sforce-Query-Options} header. With {@code columns=true} the query is only checked and its column
 * metadata answered ({@link QueryColumns}). Thread-safe.
 */
public final class QueryRoutes implements RouteModule {
    /** Records per page by default, and the most a batchSize may ask for. */
    static final int MAX_BATCH = 2_000;
    /** The least a batchSize may ask for. */
    static final int MIN_BATCH = 200;
    private static final Pattern BATCH_SIZE = Pattern.compile("(?i)(?:^|[,;\\s])batchSize\\s*=\\s*(\\d{1,9})");
    private static final Pattern LOCATOR = Pattern.compile("(01g[0-9A-Za-z]{15})-(\\d{1,10})");

    private final OrgContext context;
    private final SoqlEngine soql;
    private final QueryCursors cursors = new QueryCursors();
    private final QueryColumns columns;

    /** @param context the org: its database, schema and clock */
    public QueryRoutes(OrgContext context) {
        this.context = context;
        this.soql = new SoqlEngine(context.database(), context.clock());
        this.columns = new QueryColumns(context.schema(),
                child -> prepare(child.soqlFor("000000000000000"), false).layout().orElseThrow());
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/services/data/{version}/query", ex -> query(ex, "query", false));
        routes.add("GET", "/services/data/{version}/queryAll", ex -> query(ex, "queryAll", true));
        routes.add("GET", "/services/data/{version}/query/{locator}", ex -> more(ex, "query"));
        routes.add("GET", "/services/data/{version}/queryAll/{locator}", ex -> more(ex, "queryAll"));
    }

    @Override
    public void reset() {
        cursors.clear();
    }

    private void query(ApiExchange ex, String resource, boolean queryAll) throws SQLException, java.io.IOException {
        String versionPath = versionPath(ex);
        String q = ex.query("q").filter(s -> !s.isBlank()).orElseThrow(() -> new ApiException(400,
                "MALFORMED_QUERY", "A query string has to be specified"));
        PreparedQuery prepared = prepare(q, queryAll);
        if (ex.query("columns").filter("true"::equalsIgnoreCase).isPresent()) {
            ex.json(200, columns.describe(prepared.objectName(), prepared.layout().orElseThrow()));
            return;
        }
        if (prepared.layout().orElseThrow().kind() == RecordLayout.Kind.COUNT) {
            ex.json(200, count(prepared));
            return;
        }
        List<Map<String, Object>> records = records(prepared, queryAll, versionPath);
        QueryCursors.Cursor cursor = cursors.open(records, batchSize(ex));
        ex.json(200, page(cursor, 0, versionPath + "/" + resource));
    }

    private PreparedQuery prepare(String q, boolean queryAll) {
        try {
            return soql.prepareForRest(q, queryAll);
        } catch (SoqlException e) {
            throw new ApiException(400, e.errorCode(), e.getMessage());
        }
    }

    // Runs the query; each record's subqueries run as it is read.
    private List<Map<String, Object>> records(PreparedQuery prepared, boolean queryAll, String versionPath)
            throws SQLException, java.io.IOException {
        QueryRecords shape = new QueryRecords(context.schema(), prepared.objectName(), prepared.layout().orElseThrow(),
                versionPath, child -> {
                    try {
                        return records(prepare(child, queryAll), queryAll, versionPath);
                    } catch (SQLException | java.io.IOException e) {
                        throw new IllegalStateException("Subquery failed: " + e.getMessage(), e);
                    }
                });
        List<Map<String, Object>> records = new ArrayList<>();
        prepared.run(row -> records.add(shape.record(row)));
        return records;
    }

    // SELECT COUNT() answers the number in totalSize, with no records.
    private static Map<String, Object> count(PreparedQuery prepared) throws SQLException, java.io.IOException {
        long[] total = new long[1];
        prepared.run(row -> total[0] = Long.parseLong(row[0]));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalSize", total[0]);
        out.put("done", true);
        out.put("records", List.of());
        return out;
    }

    private void more(ApiExchange ex, String resource) {
        String versionPath = versionPath(ex);
        Matcher m = LOCATOR.matcher(ex.pathParam("locator"));
        Optional<QueryCursors.Cursor> cursor = m.matches() ? cursors.find(m.group(1)) : Optional.empty();
        long start = m.matches() ? Long.parseLong(m.group(2)) : -1;
        if (cursor.isEmpty() || start < 0 || start > cursor.get().records().size()) {
            throw new ApiException(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        ex.json(200, page(cursor.get(), (int) start, versionPath + "/" + resource));
    }

    private Map<String, Object> page(QueryCursors.Cursor cursor, int start, String resourcePath) {
        List<Map<String, Object>> all = cursor.records();
        int end = Math.min(all.size(), start + cursor.batchSize());
        boolean done = end >= all.size();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalSize", all.size());
        out.put("done", done);
        if (done) {
            cursors.close(cursor.id());
        } else {
            out.put("nextRecordsUrl", resourcePath + "/" + cursor.id() + "-" + end);
        }
        out.put("records", all.subList(start, end));
        return out;
    }

    // Sforce-Query-Options: batchSize=N, kept within 200..2000 (Salesforce treats it as a hint, not a promise).
    private static int batchSize(ApiExchange ex) {
        Optional<String> options = ex.header("Sforce-Query-Options");
        if (options.isEmpty()) {
            return MAX_BATCH;
        }
        Matcher m = BATCH_SIZE.matcher(options.get());
        if (!m.find()) {
            return MAX_BATCH;
        }
        long asked = Long.parseLong(m.group(1));
        return (int) Math.max(MIN_BATCH, Math.min(MAX_BATCH, asked));
    }

    private static String versionPath(ApiExchange ex) {
        ex.apiVersion();
        return "/services/data/" + ex.pathParam("version").toLowerCase(Locale.ROOT);
    }
}
