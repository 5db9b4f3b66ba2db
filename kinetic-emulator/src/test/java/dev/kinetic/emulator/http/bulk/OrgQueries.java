package dev.kinetic.emulator.http.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.http.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole in-memory local org spoken to over raw HTTP for the SOQL and field-value conformance tests: records go in
 * through Bulk ingest jobs, queries run as Bulk query jobs, and result CSV is parsed cell by cell.
 */
final class OrgQueries implements AutoCloseable {
    final BulkServer s;

    private OrgQueries(BulkServer s) {
        this.s = s;
    }

    /** Starts an in-memory org with the default configuration. */
    static OrgQueries start() {
        return new OrgQueries(BulkServer.of(LocalOrg.start(LocalOrgConfig.defaults())));
    }

    /** Runs an ingest job and returns its final JobInfo. */
    JsonNode ingest(String object, String operation, String csv) throws Exception {
        return s.ingest("{\"object\":\"" + object + "\",\"operation\":\"" + operation + "\"}", csv);
    }

    /** Inserts records that must all succeed and returns their ids in the order of the CSV. */
    List<String> insert(String object, String csv) throws Exception {
        JsonNode job = ingest(object, "insert", csv);
        assertThat(job.get("numberRecordsFailed").asInt()).as(failedResults(job)).isZero();
        List<List<String>> ok = parse(s.text(BulkServer.V + "/jobs/ingest/" + job.get("id").asText()
                + "/successfulResults"));
        List<String> ids = new ArrayList<>();
        for (List<String> row : ok.subList(1, ok.size())) {
            ids.add(row.get(0));
        }
        return ids;
    }

    /** The failedResults CSV of an ingest job. */
    String failedResults(JsonNode job) throws Exception {
        return s.text(BulkServer.V + "/jobs/ingest/" + job.get("id").asText() + "/failedResults");
    }

    /** The failedResults of a job as sf__Error by the value of one column. */
    Map<String, String> errorsBy(JsonNode job, String column) throws Exception {
        List<List<String>> rows = parse(failedResults(job));
        int index = rows.get(0).indexOf(column);
        Map<String, String> errors = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            errors.put(row.get(index), row.get(1));
        }
        return errors;
    }

    /** Creates a query job for this SOQL, without waiting. */
    HttpResponse<String> create(String soql) throws Exception {
        String body = Json.MAPPER.writeValueAsString(Map.of("operation", "query", "query", soql));
        return s.send("POST", BulkServer.V + "/jobs/query", body);
    }

    /** The rows of a completed query job, header first. */
    List<List<String>> rows(String soql) throws Exception {
        HttpResponse<String> r = create(soql);
        assertThat(r.statusCode()).as(soql + " -> " + r.body()).isEqualTo(200);
        String id = s.json(r).get("id").asText();
        JsonNode done = s.await("query", id, "JobComplete", "Failed");
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("JobComplete");
        return parse(s.text(BulkServer.V + "/jobs/query/" + id + "/results"));
    }

    /** The first column of every data row of a query. */
    List<String> column(String soql) throws Exception {
        List<List<String>> rows = rows(soql);
        List<String> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            out.add(row.get(0));
        }
        return out;
    }

    /** Asserts that creating a query job for this SOQL answers 400 with this error code and message part. */
    void assertRefused(String soql, String errorCode, String messagePart) throws Exception {
        HttpResponse<String> r = create(soql);
        assertThat(r.statusCode()).as(soql + " -> " + r.body()).isEqualTo(400);
        JsonNode error = s.json(r).get(0);
        assertThat(error.get("errorCode").asText()).as(soql + " -> " + r.body()).isEqualTo(errorCode);
        assertThat(error.get("message").asText()).as(soql).contains(messagePart);
    }

    /** Parses result CSV into rows of cells, header first. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        CsvReader.builder().ofCsvRecord(csv).forEach(record -> rows.add(record.getFields()));
        return rows;
    }

    @Override
    public void close() throws Exception {
        s.close();
    }
}
